package co.ori.support;

import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The tenant table of the public contract ({@code ../shared/spec/contract.md}, "Tenants"):
 * one Camunda tenant per institution and the procedures (process keys) deployed to it.
 * Bound from {@code ori.tenants} in {@code application.yaml}.
 *
 * @param tenants every tenant, in the contract's order
 */
@ConfigurationProperties(prefix = "ori")
public record TenantCatalog(List<Tenant> tenants) {

  /**
   * One tenant.
   *
   * @param id the Camunda tenant id ({@code umc}, {@code pasto}, {@code cesmag}, {@code unal}, {@code ufps})
   * @param name the institution's name, as shown in Admin
   * @param procedures process keys deployed to this tenant ({@code processes/<key>.bpmn})
   */
  public record Tenant(String id, String name, List<String> procedures) {}

  public TenantCatalog {
    tenants = tenants == null ? List.of() : List.copyOf(tenants);
  }

  /** The tenant with this id, if the contract lists it. */
  public Optional<Tenant> find(String tenantId) {
    return tenants.stream().filter(t -> t.id().equals(tenantId)).findFirst();
  }

  /** Ids of every tenant, in the contract's order. */
  public List<String> ids() {
    return tenants.stream().map(Tenant::id).toList();
  }
}
