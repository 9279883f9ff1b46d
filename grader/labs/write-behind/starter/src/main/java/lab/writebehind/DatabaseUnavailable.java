package lab.writebehind;

/** {@link ProfileDatabase#writeAll} failed and wrote nothing; the same batch may succeed when tried again. */
public class DatabaseUnavailable extends RuntimeException {
    public DatabaseUnavailable(String message) {
        super(message);
    }
}
