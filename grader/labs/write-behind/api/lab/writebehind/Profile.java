package lab.writebehind;

/** A user's profile row; {@code level} only grows, so a newer write of a profile has a higher level. */
public record Profile(String userId, String nickname, int level) {}
