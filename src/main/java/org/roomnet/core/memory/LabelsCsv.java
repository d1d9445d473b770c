package org.roomnet.core.memory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A CSV of labels for {@code learn --labels}: a header with the columns {@code file} and {@code label} (others are
 * ignored, so a RoomNet report with its {@code label} column corrected can be used), {@code file} relative to the
 * shoot folder. RFC 4180 quoting, UTF-8 (a byte-order mark is skipped). Every problem is collected with its
 * line, so that one message lists them all and nothing is learned from a half-wrong file.
 */
public final class LabelsCsv {

    private LabelsCsv() {}

    /** The labels by photo (absolute, normalised paths inside {@code folder}), in file order. */
    public static Map<Path, String> read(Path csv, Path folder) throws IOException {
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> rows = parse(text);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(csv + " is empty; it needs a header line: file,label");
        }
        List<String> header = rows.get(0).stream()
                .map(h -> h.strip().toLowerCase(Locale.ROOT))
                .toList();
        int fileColumn = header.indexOf("file");
        int labelColumn = header.indexOf("label");
        if (fileColumn < 0 || labelColumn < 0) {
            throw new IllegalArgumentException(
                    csv + " needs the columns file and label in its first line; it has " + rows.get(0));
        }
        Path base = folder.toAbsolutePath().normalize();
        Map<Path, String> labels = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            if (row.size() == 1 && row.get(0).isBlank()) {
                continue;
            }
            String name = fileColumn < row.size() ? row.get(fileColumn) : "";
            String label = labelColumn < row.size() ? row.get(labelColumn).strip() : "";
            if (name.isEmpty() || label.isEmpty()) {
                problems.add("line " + (i + 1) + ": file or label missing");
                continue;
            }
            Path file;
            try {
                file = base.resolve(name).normalize();
            } catch (RuntimeException e) {
                problems.add("line " + (i + 1) + ": not a file name: " + name);
                continue;
            }
            if (!file.startsWith(base) || file.equals(base)) {
                problems.add("line " + (i + 1) + ": " + name + " is not inside " + base);
            } else if (!Files.isRegularFile(file)) {
                problems.add("line " + (i + 1) + ": no such photo: " + name);
            } else if (labels.containsKey(file) && !labels.get(file).equals(label)) {
                problems.add("line " + (i + 1) + ": " + name + " is labelled twice (" + labels.get(file) + ", " + label
                        + ")");
            } else {
                labels.put(file, label);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(csv + ": "
                    + String.join("; ", problems.subList(0, Math.min(10, problems.size())))
                    + (problems.size() > 10 ? "; and " + (problems.size() - 10) + " more" : ""));
        }
        return labels;
    }

    static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                cell.append(c);
            }
        }
        if (!cell.isEmpty() || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }
}
