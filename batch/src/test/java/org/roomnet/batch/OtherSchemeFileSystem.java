package org.roomnet.batch;

import java.net.URI;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * The local disk under another scheme ({@code othfs:}): a file system that is not {@code file:}, as {@code s3a://}
 * or {@code hdfs://} are, so that the job fetches its photos to the executor instead of reading them in place.
 */
public class OtherSchemeFileSystem extends RawLocalFileSystem {

    static final String SCHEME = "othfs";

    @Override
    public URI getUri() {
        return URI.create(SCHEME + ":///");
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }
}
