package dev.connecttasks.testkit.generators;

import dev.connecttasks.testkit.property.Gen;
import dev.connecttasks.testkit.property.Gens;
import java.util.List;

/**
 * Text every store must keep exactly: emoji and other 4-byte characters (one character each, two
 * UTF-16 units), line and paragraph separators, bidirectional marks, quotes and SQL wildcards,
 * combining marks; and the lengths at the limits, counted in characters. Never U+0000 or a lone
 * surrogate: those are refusals ({@link #unencodable()}).
 */
public final class Texts {

    static final String EMOJI = "😀";
    private static final List<String> PIECES = List.of("a", "Z", "7", " ", "-", EMOJI, "𝄞", "日本", "\r\n", "\t", "'", "\"", "\\", "%", "_",
            "é", "e\u0301", "\u2028", "\u200F", "\uFEFF", "Ω");

    private Texts() {
    }

    /** Text of {@code min}..{@code max} characters, mostly short, now and then exactly {@code max} of them (emoji included). */
    public static Gen<String> awkward(int min, int max) {
        Gen<String> short_ = Gens.lists(Gens.elements(PIECES), 0, 12).map(pieces -> String.join("", pieces))
                .map(text -> fit(text, min, max));
        return Gens.frequency(List.of(Gens.weighted(12, short_), Gens.weighted(1, Gens.elements(EMOJI.repeat(max), "x".repeat(max)))));
    }

    /** Text no client can send or no store can keep: U+0000, or a lone surrogate. */
    public static Gen<String> unencodable() {
        return Gens.elements("a\u0000b", "\u0000", "x\uD800", "\uDC00y", "a\uD83Db");
    }

    /** Cuts or pads {@code text} to {@code min}..{@code max} characters (code points), never splitting one. */
    static String fit(String text, int min, int max) {
        int[] points = text.codePoints().toArray();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(points.length, max); i++) {
            out.appendCodePoint(points[i]);
        }
        while (out.codePointCount(0, out.length()) < min) {
            out.append('x');
        }
        return out.toString();
    }
}
