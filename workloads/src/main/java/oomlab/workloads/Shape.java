package oomlab.workloads;

/**
 * The receiver type of the generated code's virtual calls. Call sites that see two implementations stay
 * bimorphic (inlined by C2 behind a type check); sites that see all four are megamorphic (real virtual calls).
 */
public interface Shape {
    int apply(int x);

    static Shape[] all() {
        return new Shape[] {x -> x * 3 + 1, x -> x ^ 0x5bd1e995, x -> (x << 2) - x, x -> Integer.rotateLeft(x, 7)};
    }
}
