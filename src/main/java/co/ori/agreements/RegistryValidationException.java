package co.ori.agreements;

import java.util.List;

/**
 * Bad input to a registry: a missing or invalid field, or (for CSV imports) the bad rows by
 * line number. Answered with HTTP 400 by the REST API; nothing of the request is saved.
 */
public class RegistryValidationException extends RuntimeException {

  private final List<String> errors;

  /** One error, naming the field. */
  public RegistryValidationException(String error) {
    this(List.of(error));
  }

  /** Several errors, e.g. {@code "línea 4: validUntil es anterior a validFrom"}. */
  public RegistryValidationException(List<String> errors) {
    super(String.join("; ", errors));
    this.errors = List.copyOf(errors);
  }

  /** Every error, in input order. */
  public List<String> errors() {
    return errors;
  }
}
