package dev.thrum.profile.template;

/** A template that cannot be understood; {@code column} is 1-based within the template text (0: whole template). */
public final class TemplateSyntaxException extends Exception {
    private final int column;

    public TemplateSyntaxException(String message, int column) {
        super(message);
        this.column = column;
    }

    public int column() { return column; }
}
