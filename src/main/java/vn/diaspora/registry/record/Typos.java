package vn.diaspora.registry.record;

/** How far apart two words are for a person who typed one meaning the other. */
final class Typos {
    private Typos() {
    }

    /** Edits a word may differ by and still be taken as a typo: none for one or two letters, two from eight. */
    static int allowed(String word) {
        return word.length() <= 2 ? 0 : word.length() >= 8 ? 2 : 1;
    }

    /**
     * Insertions, deletions, substitutions and swaps of two adjacent letters (optimal string
     * alignment distance): "huogn" is one edit from "huong", as a person sees it.
     */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";

    /**
     * Every spelling one edit from {@code word} (none for a word that takes no correction): two
     * letters swapped first, as typing swaps them most, then a letter missing, wrong or added.
     */
    static java.util.Set<String> oneEditAway(String word) {
        java.util.Set<String> spellings = new java.util.LinkedHashSet<>();
        if (allowed(word) == 0) {
            return spellings;
        }
        for (int i = 0; i + 1 < word.length(); i++) {
            spellings.add(word.substring(0, i) + word.charAt(i + 1) + word.charAt(i) + word.substring(i + 2));
        }
        for (int i = 0; i < word.length(); i++) {
            spellings.add(word.substring(0, i) + word.substring(i + 1));
        }
        for (int i = 0; i < word.length(); i++) {
            for (char c : LETTERS.toCharArray()) {
                spellings.add(word.substring(0, i) + c + word.substring(i + 1));
            }
        }
        for (int i = 0; i <= word.length(); i++) {
            for (char c : LETTERS.toCharArray()) {
                spellings.add(word.substring(0, i) + c + word.substring(i));
            }
        }
        spellings.remove(word);
        return spellings;
    }
}
