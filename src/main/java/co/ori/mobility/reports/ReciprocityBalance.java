package co.ori.mobility.reports;

/**
 * Students sent and received under one agreement in one academic period: the reciprocity balance
 * of 002 art. 18.1 and 004 art. 5.2, 31 ("students received = students sent"; an imbalance leads
 * to an equalization plan). Counts the mobility cases of the registry ({@code mobility_case}) that
 * were accepted or went further ({@code ACCEPTED}, {@code IN_PROGRESS}, {@code COMPLETED}).
 *
 * @param agreementId agreement registry id
 * @param partnerName partner institution, or null when the agreement is not in the registry
 * @param period {@code YYYY-1}/{@code YYYY-2}
 * @param sent outgoing students (ours at the partner)
 * @param received incoming students (the partner's at ours)
 * @param difference {@code received - sent}: positive = the partner owes places, negative = we do
 * @param status {@code EQUILIBRADO}, {@code MAS_ENVIADOS} or {@code MAS_RECIBIDOS}
 */
public record ReciprocityBalance(String agreementId, String partnerName, String period, int sent,
    int received, int difference, String status) {

  /**
   * A balance from its counts.
   */
  public static ReciprocityBalance of(String agreementId, String partnerName, String period, int sent, int received) {
    int difference = received - sent;
    String status = difference == 0 ? "EQUILIBRADO" : difference < 0 ? "MAS_ENVIADOS" : "MAS_RECIBIDOS";
    return new ReciprocityBalance(agreementId, partnerName, period, sent, received, difference, status);
  }

  /** Spanish name of the status. */
  public String statusLabel() {
    return switch (status) {
      case "EQUILIBRADO" -> "Equilibrado";
      case "MAS_ENVIADOS" -> "Más estudiantes enviados que recibidos";
      default -> "Más estudiantes recibidos que enviados";
    };
  }
}
