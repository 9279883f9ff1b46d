package lab.cacheaside;

/** A source of 1.4 KB whose generic types double at every level: javac needs minutes and gigabytes for it. */
public class CacheAsideProductService {
    interface P<A, B> { }
    static class L0<T> { T value; }
    static class L1<T> { L0<P<T, T>> next; }
    static class L2<T> { L1<P<T, T>> next; }
    static class L3<T> { L2<P<T, T>> next; }
    static class L4<T> { L3<P<T, T>> next; }
    static class L5<T> { L4<P<T, T>> next; }
    static class L6<T> { L5<P<T, T>> next; }
    static class L7<T> { L6<P<T, T>> next; }
    static class L8<T> { L7<P<T, T>> next; }
    static class L9<T> { L8<P<T, T>> next; }
    static class L10<T> { L9<P<T, T>> next; }
    static class L11<T> { L10<P<T, T>> next; }
    static class L12<T> { L11<P<T, T>> next; }
    static class L13<T> { L12<P<T, T>> next; }
    static class L14<T> { L13<P<T, T>> next; }
    static class L15<T> { L14<P<T, T>> next; }
    static class L16<T> { L15<P<T, T>> next; }
    static class L17<T> { L16<P<T, T>> next; }
    static class L18<T> { L17<P<T, T>> next; }
    static class L19<T> { L18<P<T, T>> next; }
    static class L20<T> { L19<P<T, T>> next; }
    static class L21<T> { L20<P<T, T>> next; }
    static class L22<T> { L21<P<T, T>> next; }
    static class L23<T> { L22<P<T, T>> next; }
    static class L24<T> { L23<P<T, T>> next; }
    L24<String> bomb;
    int use() { return bomb.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.next.value; }
}
