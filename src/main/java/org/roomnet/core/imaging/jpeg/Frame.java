package org.roomnet.core.imaging.jpeg;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** A frame header (SOFn segment): the coding process, the declared size and the components' sampling. */
record Frame(int marker, int width, int height, List<Frame.Component> components) {

    /** A colour component: its id, and its horizontal and vertical sampling factors. */
    record Component(int id, int h, int v) {}

    static boolean isFrameMarker(int m) {
        return m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC;
    }

    /** Reads the segment after its length; null when it declares no components or no width. */
    static Frame read(JpegBytes in, int marker) throws IOException {
        in.read(); // sample precision
        int height = in.u16();
        int width = in.u16();
        int n = in.read();
        if (n <= 0 || width <= 0) {
            return null;
        }
        List<Component> components = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int id = in.read();
            int hv = in.read();
            in.read(); // quantisation table
            components.add(new Component(id, Math.max(1, hv >> 4), Math.max(1, hv & 15)));
        }
        return new Frame(marker, width, height, List.copyOf(components));
    }

    boolean progressive() {
        return marker == 0xC2 || marker == 0xC6 || marker == 0xCA || marker == 0xCE;
    }

    boolean baselineHuffman() {
        return marker == 0xC0 || marker == 0xC1;
    }

    /** The index of the (last) component with this id, or -1. */
    int componentIndex(int id) {
        int index = -1;
        for (int c = 0; c < components.size(); c++) {
            if (components.get(c).id() == id) {
                index = c;
            }
        }
        return index;
    }

    int mcusX() {
        return ceilDiv(width, 8 * hMax());
    }

    int mcusY() {
        return ceilDiv(height, 8 * vMax());
    }

    /** The 8×8 blocks the component has when it is coded on its own (a non-interleaved scan). */
    long blocks(Component c) {
        return (long) ceilDiv(ceilDiv(width * c.h(), hMax()), 8) * ceilDiv(ceilDiv(height * c.v(), vMax()), 8);
    }

    private int hMax() {
        return components.stream().mapToInt(Component::h).max().orElse(1);
    }

    private int vMax() {
        return components.stream().mapToInt(Component::v).max().orElse(1);
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
