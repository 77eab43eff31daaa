package co.ori.mobility;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The Spanish list of failed eligibility rules that staff read in task headers and applicants
 * read in the ineligibility e-mail (variable {@code failedRulesText} of every mobility process,
 * contract "Results every mobility process records"): one line per rule id, each starting with
 * "- ", in the order the rules failed.
 */
public final class FailedRulesText {

  private FailedRulesText() {
  }

  /**
   * @param ruleIds ids of the failed rules of {@code procedures.md} §3, e.g. {@code CES-SO-09}
   * @param describe the catalogue's sentence for one id (reason, the case's values, article)
   * @return the lines joined with {@code \n}; empty when no rule failed
   * @throws IllegalArgumentException from {@code describe} when an id is not in the catalogue
   */
  public static String lines(List<String> ruleIds, UnaryOperator<String> describe) {
    StringBuilder text = new StringBuilder();
    for (String id : ruleIds) {
      if (!text.isEmpty()) {
        text.append('\n');
      }
      text.append("- ").append(describe.apply(id));
    }
    return text.toString();
  }
}
