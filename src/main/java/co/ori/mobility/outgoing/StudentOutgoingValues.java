package co.ori.mobility.outgoing;

import co.ori.agreements.AgreementValues;
import co.ori.support.InvalidVariableException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.camunda.spin.Spin;
import org.camunda.spin.SpinRuntimeException;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Reading the variables of {@code student-outgoing-mobility} that {@link AgreementValues} does not
 * cover: Json arrays (Spin, a Json String or a List of Maps as a REST client or a form may send),
 * decimals, document references, and null-safe reads from a variable map.
 */
public final class StudentOutgoingValues {

  /** Longest document reference (a link or a document-management id). */
  public static final int REF = 1000;

  private StudentOutgoingValues() {}

  /**
   * A Json array from a Spin node, a Json text, or a collection; null when absent or blank.
   *
   * @throws InvalidVariableException naming {@code name} when it is not a Json array
   */
  public static SpinJsonNode jsonArray(String name, Object value) {
    if (value == null) {
      return null;
    }
    SpinJsonNode node;
    try {
      if (value instanceof SpinJsonNode json) {
        node = json;
      } else if (value instanceof String text) {
        if (text.isBlank()) {
          return null;
        }
        node = Spin.JSON(text);
      } else if (value instanceof Collection<?> collection) {
        node = Spin.JSON(new ArrayList<>(collection));
      } else {
        throw new InvalidVariableException(name, "debe ser una lista Json, no " + value.getClass().getSimpleName());
      }
    } catch (SpinRuntimeException e) {
      throw new InvalidVariableException(name, "no es un Json válido; se espera una lista [ {...}, ... ]");
    }
    if (!node.isArray()) {
      throw new InvalidVariableException(name, "debe ser una lista Json [ {...}, ... ]");
    }
    return node;
  }

  /** The elements of a Json array variable (empty when absent). */
  public static List<SpinJsonNode> elements(String name, Object value) {
    SpinJsonNode array = jsonArray(name, value);
    return array == null ? List.of() : new ArrayList<>(array.elements());
  }

  /** A text property of a Json object, stripped; null when absent, null or blank. */
  public static String text(SpinJsonNode node, String property) {
    if (node == null || !node.hasProp(property)) {
      return null;
    }
    SpinJsonNode p = node.prop(property);
    if (p.isNull()) {
      return null;
    }
    String s = p.isString() ? p.stringValue() : p.isValue() ? String.valueOf(p.value()) : p.toString();
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** A number property of a Json object (also a numeric text); null when absent. */
  public static Double number(SpinJsonNode node, String property, String variable) {
    String text = text(node, property);
    if (text == null) {
      return null;
    }
    try {
      double d = Double.parseDouble(text.replace(',', '.'));
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new NumberFormatException(text);
      }
      return d;
    } catch (NumberFormatException e) {
      throw new InvalidVariableException(variable, "la propiedad " + property + " debe ser un número (es '"
          + text + "')");
    }
  }

  /** A Boolean property of a Json object; null when absent. */
  public static Boolean bool(SpinJsonNode node, String property) {
    if (node == null || !node.hasProp(property) || node.prop(property).isNull()) {
      return null;
    }
    SpinJsonNode p = node.prop(property);
    if (p.isBoolean()) {
      return p.boolValue();
    }
    String t = text(node, property);
    return t == null ? null : Boolean.parseBoolean(t);
  }

  /** A date property of a Json object ({@code yyyy-MM-dd}); null when absent. */
  public static LocalDate date(SpinJsonNode node, String property, String variable) {
    return AgreementValues.optionalDate(variable + "." + property, text(node, property));
  }

  /**
   * A decimal from any number or a numeric text (forms may send "4,2"); null when absent.
   *
   * @throws InvalidVariableException when not a number or outside [min, max]
   */
  public static Double optionalDouble(String name, Object value, double min, double max) {
    if (value == null || value instanceof String s && s.isBlank()) {
      return null;
    }
    double number;
    if (value instanceof Number n) {
      number = n.doubleValue();
    } else if (value instanceof String s) {
      try {
        number = Double.parseDouble(s.strip().replace(',', '.'));
      } catch (NumberFormatException e) {
        throw new InvalidVariableException(name, "debe ser un número, no '" + s + "'");
      }
    } else {
      throw new InvalidVariableException(name, "debe ser un número (Double), no " + value.getClass().getSimpleName());
    }
    if (Double.isNaN(number) || number < min || number > max) {
      throw new InvalidVariableException(name, "debe estar entre " + fmt(min) + " y " + fmt(max) + " (es "
          + value + ")");
    }
    return number;
  }

  /**
   * A document: a reference (link or document-management id, String up to 1000 characters) or a
   * {@code File} sent over REST; null when absent or blank.
   *
   * @throws InvalidVariableException for another type or a longer reference
   */
  public static Object documentRef(String name, Object value) {
    if (value instanceof InputStream) {
      return value;
    }
    if (value != null && !(value instanceof String)) {
      throw new InvalidVariableException(name, "debe ser un enlace o referencia del documento (String)"
          + " o un archivo (File), no " + value.getClass().getSimpleName());
    }
    return AgreementValues.optionalText(name, value, REF);
  }

  /** Whether a document variable holds something (a non-blank reference or a file). */
  public static boolean present(Object value) {
    return value != null && !(value instanceof String s && s.isBlank());
  }

  /** The variable as a String (null-safe). */
  public static String str(Map<String, Object> v, String name) {
    Object value = v.get(name);
    return value == null ? null : value.toString();
  }

  /** The variable as a calendar day in Bogotá, or null. */
  public static LocalDate day(Map<String, Object> v, String name) {
    return AgreementValues.optionalDate(name, v.get(name));
  }

  /** The variable is Boolean true. */
  public static boolean isTrue(Map<String, Object> v, String name) {
    return Boolean.TRUE.equals(v.get(name));
  }

  static String fmt(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }
}
