package org.roomnet.core.classify;

/**
 * How a shoot's photos are classified ({@link ShootClassifier}): photos per inference batch, decoding threads,
 * and thumbnails handed out on the side. The defaults are the app's and every command's, defined here once.
 *
 * @param thumbnailSide the longest side of the thumbnails given to {@code thumbnails} (0 when none)
 * @param thumbnails    receives a thumbnail of each readable photo; null: none are made
 */
public record ClassifyOptions(int batchSize, int decodeThreads, int thumbnailSide, ThumbnailListener thumbnails) {

    /** Photos per inference batch unless asked otherwise. */
    public static final int DEFAULT_BATCH = 16;

    public ClassifyOptions {
        if (batchSize < 1 || decodeThreads < 1) {
            throw new IllegalArgumentException("the batch size and the decoding threads must be at least 1, not "
                    + batchSize + " and " + decodeThreads);
        }
    }

    /** {@link #DEFAULT_BATCH} photos a batch, one decoding thread per core, no thumbnails. */
    public static ClassifyOptions defaults() {
        return of(null, null);
    }

    /** The defaults, but for what a command line gave ({@code null}: the default). */
    public static ClassifyOptions of(Integer batchSize, Integer decodeThreads) {
        return new ClassifyOptions(
                batchSize != null ? batchSize : DEFAULT_BATCH,
                decodeThreads != null ? decodeThreads : Runtime.getRuntime().availableProcessors(),
                0,
                null);
    }

    /** The same, also handing a thumbnail of at most {@code maxSide} pixels per readable photo to {@code listener}. */
    public ClassifyOptions withThumbnails(int maxSide, ThumbnailListener listener) {
        return new ClassifyOptions(batchSize, decodeThreads, maxSide, listener);
    }
}
