package co.ori.notification;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.util.PropertyPlaceholderHelper;

/**
 * Loads and fills the e-mail templates of the procedures: classpath files
 * {@code mail/<template>.txt} (source {@code src/main/resources/mail/}, format described in
 * {@code mail/README.md}).
 *
 * <p>Format (UTF-8): first line {@code Asunto: <subject>}, then one blank line, then the
 * plain-text body. Subject and body may contain placeholders {@code ${name}}, parsed with
 * Spring's {@link PropertyPlaceholderHelper}. Values are formatted as follows:
 * {@link Date} and {@link LocalDate} as {@code dd/MM/yyyy} (zone America/Bogota),
 * {@link Boolean} as {@code Sí}/{@code No}, anything else with {@code toString()}.
 * A value is inserted literally: a {@code ${...}} inside a value is not resolved again.
 *
 * <p>A placeholder with no value (absent or {@code null}) is an error, so a mail with holes
 * is never sent.
 */
@Component
public class MailTemplates {

  /** Classpath folder of the templates. */
  public static final String LOCATION = "mail/";

  /** Prefix of the first line of every template. */
  public static final String SUBJECT_PREFIX = "Asunto:";

  private static final Pattern TEMPLATE_NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final ZoneId ZONE = ZoneId.of("America/Bogota");
  /** Markers that stand for values while the helper parses, so values are never re-parsed. */
  private static final char MARK_START = '\u0001';
  private static final char MARK_END = '\u0002';

  private final PropertyPlaceholderHelper placeholders =
      new PropertyPlaceholderHelper("${", "}", null, null, false);

  /**
   * A filled template.
   *
   * @param subject the subject line, without the {@code Asunto:} prefix
   * @param body the plain-text body
   */
  public record RenderedMail(String subject, String body) {}

  /**
   * Loads {@code mail/<template>.txt} and fills its placeholders.
   *
   * @param template template name: lower-case words joined by hyphens, e.g.
   *     {@code agreement-request-approved}
   * @param values placeholder values by name (process variables plus the built-ins the caller
   *     adds: {@code businessKey}, {@code tenantName}, {@code processName})
   * @return the filled subject and body
   * @throws IllegalArgumentException when the name is not valid, the file does not exist, is
   *     not UTF-8 or not in the template format, or a placeholder has no value (the message
   *     names every missing placeholder)
   */
  public RenderedMail render(String template, Map<String, ?> values) {
    return render(template, values::get);
  }

  /**
   * Loads {@code mail/<template>.txt} and fills its placeholders, looking each value up only
   * when the template uses it (so unrelated variables are never read or deserialized).
   *
   * @param template template name, as in {@link #render(String, Map)}
   * @param values returns the value of a placeholder name, or {@code null} when it has none
   * @return the filled subject and body
   * @throws IllegalArgumentException as in {@link #render(String, Map)}
   */
  public RenderedMail render(String template, Function<String, ?> values) {
    String text = load(template);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    String[] lines = text.split("\r?\n", 3);
    if (lines.length < 2 || !lines[0].startsWith(SUBJECT_PREFIX) || !lines[1].isBlank()) {
      throw new IllegalArgumentException("La plantilla de correo '" + template + "' ("
          + path(template) + ") no tiene el formato esperado: primera línea 'Asunto: <asunto>',"
          + " luego una línea en blanco y después el cuerpo");
    }
    String subjectTemplate = lines[0].substring(SUBJECT_PREFIX.length()).strip();
    String bodyTemplate = lines.length == 3 ? lines[2] : "";
    if (subjectTemplate.isEmpty()) {
      throw new IllegalArgumentException(
          "La plantilla de correo '" + template + "' tiene el asunto vacío");
    }
    List<String> formatted = new ArrayList<>();
    Set<String> missing = new LinkedHashSet<>();
    String subject = fill(subjectTemplate, values, formatted, missing);
    String body = fill(bodyTemplate, values, formatted, missing);
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("La plantilla de correo '" + template
          + "' usa variables sin valor: " + String.join(", ", missing.stream()
              .map(name -> "${" + name + "}").toList()));
    }
    return new RenderedMail(
        substitute(subject, formatted).strip(), substitute(body, formatted));
  }

  /**
   * Formats one placeholder value as it appears in a mail.
   *
   * @param value a non-null value
   * @return {@code dd/MM/yyyy} for dates (America/Bogota), {@code Sí}/{@code No} for booleans,
   *     otherwise {@code toString()}
   */
  public static String format(Object value) {
    if (value instanceof Date date) {
      return DATE.format(Instant.ofEpochMilli(date.getTime()).atZone(ZONE));
    }
    if (value instanceof LocalDate date) {
      return DATE.format(date);
    }
    if (value instanceof Boolean bool) {
      return bool ? "Sí" : "No";
    }
    return String.valueOf(value);
  }

  private String fill(String text, Function<String, ?> values, List<String> formatted,
      Set<String> missing) {
    return placeholders.replacePlaceholders(text, name -> {
      Object value = values.apply(name);
      if (value == null) {
        missing.add(name);
        return "";
      }
      formatted.add(format(value));
      return MARK_START + Integer.toString(formatted.size() - 1) + MARK_END;
    });
  }

  private static String substitute(String text, List<String> formatted) {
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      int end = c == MARK_START ? text.indexOf(MARK_END, i) : -1;
      if (end > i) {
        out.append(formatted.get(Integer.parseInt(text.substring(i + 1, end))));
        i = end + 1;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private static String load(String template) {
    if (template == null || !TEMPLATE_NAME.matcher(template).matches()) {
      throw new IllegalArgumentException(
          "Nombre de plantilla de correo no válido (mailTemplate): '" + template
          + "'; se esperan palabras en minúscula separadas por guiones");
    }
    ClassPathResource resource = new ClassPathResource(path(template));
    if (!resource.exists()) {
      throw new IllegalArgumentException("No existe la plantilla de correo '" + template
          + "' (" + path(template) + ")");
    }
    try (InputStream in = resource.getInputStream()) {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(in.readAllBytes()))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("La plantilla de correo '" + template
          + "' no está codificada en UTF-8", e);
    } catch (IOException e) {
      throw new IllegalStateException("No se pudo leer la plantilla de correo '" + template
          + "' (" + path(template) + ")", e);
    }
  }

  private static String path(String template) {
    return LOCATION + template + ".txt";
  }
}
