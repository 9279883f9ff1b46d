package lab.tiny;

final class Mottos {
    static final String TEXT = load();

    private static String load() {
        throw new IllegalStateException("no mottos today");
    }
}
