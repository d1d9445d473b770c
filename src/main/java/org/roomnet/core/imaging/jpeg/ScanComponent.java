package org.roomnet.core.imaging.jpeg;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** One component of a scan (SOS segment): its index in the frame, and its DC and AC Huffman table slots. */
record ScanComponent(int component, int dcTable, int acTable) {

    /** Reads the scan header after its length; null for a scan that cannot be followed. */
    static List<ScanComponent> read(JpegBytes in, Frame frame) throws IOException {
        int n = in.read();
        if (n <= 0) {
            return null;
        }
        List<ScanComponent> scan = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int id = in.read();
            int tables = in.read();
            int index = frame.componentIndex(id);
            if (index < 0) {
                return null;
            }
            scan.add(new ScanComponent(index, tables >> 4 & 3, tables & 3));
        }
        return scan;
    }
}
