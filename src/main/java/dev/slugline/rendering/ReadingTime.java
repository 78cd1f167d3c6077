package dev.slugline.rendering;

/** Minutes a reader needs for a number of words; at least one for any text at all. */
public final class ReadingTime {

    private ReadingTime() {
    }

    public static int minutes(int words, int wordsPerMinute) {
        if (words <= 0) {
            return 0;
        }
        return Math.max(1, (int) Math.ceil(words / (double) wordsPerMinute));
    }
}
