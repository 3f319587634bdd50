package dev.carnews.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reporters named in a wire story's sign-off: {@code -- John Smith , Frankfurt Newsroom +49 69
 * 756525} at the end of a Reuters story, or {@code (Reporting by Jane Doe; Editing by Tom Roe)}.
 * They wrote the story (the author when the byline is empty); they are never people of the story.
 * Editors ({@code Editing by}) are neither. Stateless.
 */
public final class WireSignOffs {

  /** {@code -- Name[ and Name] , City Newsroom ...} on a line of its own. */
  private static final Pattern NEWSROOM =
      Pattern.compile(
          "(?m)^[ \\t]*--[ \\t]*(?:[Bb]y[ \\t]+)?([^,\\n]{3,80}?)[ \\t]*,[^\\n]{0,40}?\\bNewsroom\\b");

  /** {@code Reporting by Name[ and Name]}, up to a semicolon, bracket or line end. */
  private static final Pattern REPORTING_BY =
      Pattern.compile(
          "\\b(?:[Aa]dditional )?(?:[Rr]eporting|[Ww]riting) by[ \\t]+([^;)\\n]{3,120}?)[ \\t]*(?=[;)\\n]|$|\\.\\s)");

  /** {@code Editing by Name}: the desk, not a person of the story and not its author. */
  private static final Pattern EDITING_BY =
      Pattern.compile(
          "\\b(?:[Ee]diting|[Ee]dited) by[ \\t]+([^;)\\n]{3,120}?)[ \\t]*(?=[;)\\n]|$)");

  private WireSignOffs() {}

  /** The reporters and editors a text signs off with: none of them is a person of the story. */
  public static List<String> staff(String text) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    List<String> names = new ArrayList<>(authors(text));
    List<String> editors = new ArrayList<>();
    collect(EDITING_BY.matcher(text), editors);
    names.addAll(AuthorNames.clean(editors));
    return names;
  }

  /** The cleaned names of the reporters a text signs off with, in order; empty when none. */
  public static List<String> authors(String text) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    List<String> bylines = new ArrayList<>();
    collect(NEWSROOM.matcher(text), bylines);
    collect(REPORTING_BY.matcher(text), bylines);
    return bylines.isEmpty() ? List.of() : AuthorNames.clean(bylines);
  }

  private static void collect(Matcher matcher, List<String> bylines) {
    while (matcher.find()) {
      bylines.add(matcher.group(1));
    }
  }
}
