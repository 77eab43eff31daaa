package co.ori.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the procedures of {@code processes/} once per tenant of the contract's table
 * ({@link TenantCatalog}; contract, "Tenants"): for each tenant ONE deployment named
 * {@code ori-<tenant>}, with that tenant id, holding
 * <ul>
 *   <li>{@code processes/<key>.bpmn} of every procedure listed for the tenant (a procedure whose
 *       model does not exist yet is skipped with a warning),</li>
 *   <li>the Camunda Forms {@code forms/<key>/**.form} of those procedures and {@code forms/common/**.form},</li>
 *   <li>the tenant's own decision tables {@code processes/decisions/<tenant>/**.dmn}, so a business
 *       rule task resolves the table of its own tenant.</li>
 * </ul>
 * Duplicate filtering is on with "deploy changed only": a restart with unchanged files deploys
 * nothing new, a changed model gets a new version in every tenant it belongs to. Runs from the
 * classpath, so it works the same from the IDE and from the packaged jar.
 */
@Component
@Order(10)
public class TenantDeployer implements ApplicationRunner {

  /** Deployment source marking the deployments made by this class. */
  public static final String SOURCE = "ori-tenant-deployer";

  private static final Logger LOG = LoggerFactory.getLogger(TenantDeployer.class);

  private final RepositoryService repositoryService;
  private final TenantCatalog catalog;
  private final ResourcePatternResolver resolver;

  public TenantDeployer(RepositoryService repositoryService, TenantCatalog catalog) {
    this.repositoryService = repositoryService;
    this.catalog = catalog;
    this.resolver = new PathMatchingResourcePatternResolver(TenantDeployer.class.getClassLoader());
  }

  @Override
  public void run(ApplicationArguments args) {
    deployAll();
  }

  /**
   * Deploys every tenant's procedures.
   *
   * @return the new deployments (empty when nothing changed)
   * @throws UncheckedIOException when a resource cannot be read
   * @throws org.camunda.bpm.engine.ParseException when a model is invalid (the application does not start)
   */
  public List<DeploymentWithDefinitions> deployAll() {
    List<DeploymentWithDefinitions> deployed = new ArrayList<>();
    for (TenantCatalog.Tenant tenant : catalog.tenants()) {
      Map<String, Resource> resources = resourcesOf(tenant);
      if (resources.isEmpty()) {
        LOG.warn("Tenant {}: ninguno de sus procedimientos {} tiene modelo todavía; nada que desplegar",
            tenant.id(), tenant.procedures());
        continue;
      }
      DeploymentBuilder builder = repositoryService.createDeployment()
          .name("ori-" + tenant.id())
          .tenantId(tenant.id())
          .source(SOURCE)
          .enableDuplicateFiltering(true);
      resources.forEach((name, resource) -> {
        try (InputStream in = resource.getInputStream()) {
          builder.addInputStream(name, new java.io.ByteArrayInputStream(in.readAllBytes()));
        } catch (IOException e) {
          throw new UncheckedIOException("No se pudo leer " + name, e);
        }
      });
      DeploymentWithDefinitions deployment = builder.deployWithResult();
      int definitions = deployment.getDeployedProcessDefinitions() == null ? 0
          : deployment.getDeployedProcessDefinitions().size();
      LOG.info("Tenant {}: despliegue {} con {} recursos revisados, {} definiciones nuevas",
          tenant.id(), deployment.getId(), resources.size(), definitions);
      deployed.add(deployment);
    }
    return deployed;
  }

  /** The resources of one tenant's deployment, by deployment resource name (sorted). */
  Map<String, Resource> resourcesOf(TenantCatalog.Tenant tenant) {
    Map<String, Resource> resources = new TreeMap<>();
    for (String key : tenant.procedures()) {
      Resource model = resolver.getResource("classpath:processes/" + key + ".bpmn");
      if (!model.exists()) {
        LOG.warn("Tenant {}: el procedimiento {} aún no tiene modelo (processes/{}.bpmn)", tenant.id(), key, key);
        continue;
      }
      resources.put("processes/" + key + ".bpmn", model);
      addAll(resources, "forms/" + key + "/", "**/*.form");
    }
    if (!resources.isEmpty()) {
      addAll(resources, "forms/common/", "**/*.form");
      addAll(resources, "processes/decisions/" + tenant.id() + "/", "**/*.dmn");
    }
    return resources;
  }

  private void addAll(Map<String, Resource> into, String folder, String pattern) {
    try {
      for (Resource r : resolver.getResources("classpath*:" + folder + pattern)) {
        String url = r.getURL().toString();
        int at = url.lastIndexOf(folder);
        into.put(url.substring(at), r);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("No se pudo listar " + folder, e);
    }
  }
}
