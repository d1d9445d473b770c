package org.roomnet.batch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Where a run writes: {@code <output>/photos.parquet} (the dataset) and {@code <output>/labels.csv}. The dataset is
 * written beside them first ({@code .photos.parquet.new}, hidden from Parquet readers) and only then put in place,
 * so a run that fails leaves the earlier output as it was. A folder holding an earlier run's output is refused
 * unless {@code overwrite}; a file, or a folder holding anything else, is always refused: the job never deletes
 * what it did not write.
 */
final class OutputFolder {

    static final String PARQUET = "photos.parquet";
    static final String CSV = "labels.csv";
    static final String INCOMING = ".photos.parquet.new";
    private static final Set<String> OURS = Set.of(PARQUET, CSV, INCOMING);

    /** A refused output: the message says why and what to do. */
    static final class RefusedException extends Exception {
        RefusedException(String message) {
            super(message);
        }
    }

    private final FileSystem fs;
    private final Path root;

    private OutputFolder(FileSystem fs, Path root) {
        this.fs = fs;
        this.root = root;
    }

    /** Checks {@code output} before anything is classified; nothing is deleted yet. */
    static OutputFolder check(String output, boolean overwrite, Configuration conf)
            throws IOException, RefusedException {
        Path root = new Path(output);
        FileSystem fs = root.getFileSystem(conf);
        root = fs.makeQualified(root);
        if (fs.exists(root)) {
            FileStatus status = fs.getFileStatus(root);
            if (!status.isDirectory()) {
                throw new RefusedException(output + " is a file; the output must be a new or empty folder");
            }
            List<String> foreign = new ArrayList<>();
            boolean earlier = false;
            for (FileStatus child : fs.listStatus(root)) {
                String name = child.getPath().getName();
                if (!OURS.contains(name)) {
                    foreign.add(name);
                } else if (!name.equals(INCOMING)) {
                    earlier = true;
                }
            }
            if (!foreign.isEmpty()) {
                foreign.sort(null);
                throw new RefusedException(output + " holds files that this job did not write ("
                        + String.join(", ", foreign.subList(0, Math.min(5, foreign.size())))
                        + (foreign.size() > 5 ? ", ..." : "")
                        + "); choose a new or empty folder");
            }
            if (earlier && !overwrite) {
                throw new RefusedException(output + " holds the output of an earlier run; --overwrite replaces it");
            }
        }
        return new OutputFolder(fs, root);
    }

    Path root() {
        return root;
    }

    Path parquet() {
        return new Path(root, PARQUET);
    }

    Path csv() {
        return new Path(root, CSV);
    }

    /** Where the dataset is written before it replaces the earlier one; a failed run's leftover is removed. */
    Path incoming() throws IOException {
        Path incoming = new Path(root, INCOMING);
        fs.delete(incoming, true);
        return incoming;
    }

    /** Puts the new dataset in place of the earlier output (its labels.csv too, which no longer matches). */
    void replaceWithIncoming() throws IOException {
        fs.delete(csv(), false);
        fs.delete(parquet(), true);
        if (!fs.rename(new Path(root, INCOMING), parquet())) {
            throw new IOException("cannot rename " + new Path(root, INCOMING) + " to " + parquet());
        }
    }

    FileSystem fileSystem() {
        return fs;
    }
}
