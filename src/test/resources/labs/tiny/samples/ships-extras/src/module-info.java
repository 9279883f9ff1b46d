module shelf {
    requires lettuce.core;
}
