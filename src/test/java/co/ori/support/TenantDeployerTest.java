package co.ori.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The per-tenant deployment of the contract's tenant table. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TenantDeployerTest {

  @Autowired RepositoryService repositoryService;
  @Autowired TenantDeployer deployer;

  @Test
  void agreementFormalizationIsDeployedOncePerTenantOfTheContract() {
    List<ProcessDefinition> definitions = repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey("agreement-formalization").latestVersion().list();
    assertThat(definitions).extracting(ProcessDefinition::getTenantId)
        .containsExactlyInAnyOrder("umc", "cesmag", "unal", "ufps");
    assertThat(repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey("agreement-formalization").withoutTenantId().count()).isZero();
  }

  @Test
  void formsTravelWithTheirProcedure() {
    Deployment umc = repositoryService.createDeploymentQuery().deploymentName("ori-umc").tenantIdIn("umc")
        .orderByDeploymentTime().asc().list().get(0);
    List<String> names = repositoryService.getDeploymentResourceNames(umc.getId());
    assertThat(names).contains("processes/agreement-formalization.bpmn");
    assertThat(names).anyMatch(n -> n.startsWith("forms/agreement-formalization/") && n.endsWith(".form"));
  }

  @Test
  void redeployingUnchangedFilesDeploysNothingNew() {
    long deploymentsBefore = repositoryService.createDeploymentQuery().count();
    long definitionsBefore = repositoryService.createProcessDefinitionQuery().count();

    deployer.deployAll();

    assertThat(repositoryService.createProcessDefinitionQuery().count()).isEqualTo(definitionsBefore);
    // Camunda records an empty deployment only when something changed: nothing did.
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deploymentsBefore);
  }

  @Test
  void aTenantWithoutModelsGetsNoDeployment() {
    // pasto's procedure (pasto-cooperation-strategy) has no model yet in this issue
    if (getClass().getResource("/processes/pasto-cooperation-strategy.bpmn") == null) {
      assertThat(repositoryService.createDeploymentQuery().tenantIdIn("pasto").count()).isZero();
    } else {
      assertThat(repositoryService.createDeploymentQuery().tenantIdIn("pasto").count()).isPositive();
    }
  }
}
