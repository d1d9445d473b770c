package org.roomnet.batch;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * The files a run classifies, listed on the driver through Hadoop's file systems (a local folder, {@code hdfs://},
 * {@code s3a://}, ...): the input is a folder, a file or a glob ({@code /archive/2024-* /*.jpg}). A folder's photos
 * are chosen as {@code classify} chooses a shoot's ({@link org.roomnet.core.workflow.ShootFolder}): every file whose
 * name, and every folder on the way, does not start with '.'; subfolders only with {@code recursive}. Unlike Spark's
 * own file sources, names starting with '_' are kept ({@code _DSC1234.JPG} is a camera's name for a photo).
 *
 * @param files the files' full paths (with the file system's scheme), sorted
 * @param base  the folder the files' names are given relative to in labels.csv: the input folder, or the folder
 *              above the first glob pattern of the input
 */
record PhotoListing(List<String> files, String base) {

    PhotoListing {
        files = List.copyOf(files);
    }

    static PhotoListing of(String input, boolean recursive, Configuration conf) throws IOException {
        Path path = new Path(input);
        FileSystem fs = path.getFileSystem(conf);
        FileStatus[] matches = fs.globStatus(path);
        if (matches == null || matches.length == 0) {
            throw new FileNotFoundException(
                    isGlob(path) ? "nothing matches " + input : "no such file or folder: " + input);
        }
        Arrays.sort(matches);
        Path base = matches.length == 1 && matches[0].isDirectory() && !isGlob(path)
                ? matches[0].getPath()
                : fs.makeQualified(outsideGlob(path));
        String prefix = base.toString().endsWith("/") ? base.toString() : base + "/";
        List<String> files = new ArrayList<>();
        for (FileStatus match : matches) {
            if (match.isFile()) {
                files.add(match.getPath().toString());
            } else if (match.isDirectory()) {
                listFolder(fs, match.getPath(), recursive, files);
            }
        }
        // hidden as the app hides them: a name, or a folder on the way from the input, starting with '.'
        files.removeIf(f -> f.startsWith(prefix) && isHidden(f.substring(prefix.length())));
        files.sort(null);
        return new PhotoListing(files, base.toString());
    }

    private static void listFolder(FileSystem fs, Path folder, boolean recursive, List<String> files)
            throws IOException {
        if (!recursive) {
            for (FileStatus status : fs.listStatus(folder)) {
                if (status.isFile()) {
                    files.add(status.getPath().toString());
                }
            }
            return;
        }
        RemoteIterator<LocatedFileStatus> all = fs.listFiles(folder, true);
        while (all.hasNext()) {
            files.add(all.next().getPath().toString());
        }
    }

    /** Whether a name below the input ({@code a/.b/c.jpg}) has a part starting with '.', as the app hides them. */
    static boolean isHidden(String relative) {
        for (String part : relative.split("/")) {
            if (part.startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** The folder above the first part of {@code path} that is a glob pattern; for no pattern, the file's folder. */
    static Path outsideGlob(Path path) {
        Path base = path.getParent();
        for (Path p = path; p != null && p.getParent() != null; p = p.getParent()) {
            if (hasGlob(p.getName())) {
                base = p.getParent();
            }
        }
        return base == null ? path : base;
    }

    static boolean isGlob(Path path) {
        for (Path p = path; p != null; p = p.getParent()) {
            if (hasGlob(p.getName())) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasGlob(String name) {
        return name.chars().anyMatch(c -> "*?[]{}\\".indexOf(c) >= 0);
    }
}
