package lab.tiny;

public interface Shelf {
    void put(String item, int count);

    int count(String item);

    String motto();

    default int extra() {
        return 1;
    }
}
