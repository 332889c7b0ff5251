package app.ecommerce.http.input;

import java.util.regex.Pattern;

/** Syntax check of an e-mail address (no deliverability check), ASCII addresses only. */
final class EmailAddress {
  private static final Pattern LOCAL = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
  private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
  private static final Pattern TLD = Pattern.compile(".*[A-Za-z].*");

  private EmailAddress() {
  }

  /** @return null when valid, else the reason */
  static String problem(String email) {
    int at = email.lastIndexOf('@');
    if (at < 0 || email.indexOf('@') != at) {
      return "An email address must have exactly one @-sign.";
    }
    String local = email.substring(0, at);
    String domain = email.substring(at + 1);
    if (local.isEmpty()) {
      return "There must be something before the @-sign.";
    }
    if (local.length() > 64) {
      return "The email address is too long before the @-sign.";
    }
    if (!LOCAL.matcher(local).matches()) {
      return "The part before the @-sign contains invalid characters or dots in the wrong place.";
    }
    if (domain.isEmpty()) {
      return "There must be something after the @-sign.";
    }
    String[] labels = domain.split("\\.", -1);
    if (labels.length < 2) {
      return "The part after the @-sign is not valid. It should have a period.";
    }
    for (String label : labels) {
      if (!LABEL.matcher(label).matches()) {
        return "The part after the @-sign is not a valid domain name.";
      }
    }
    if (!TLD.matcher(labels[labels.length - 1]).matches()) {
      return "The part after the @-sign is not valid. The last label must contain a letter.";
    }
    return null;
  }
}
