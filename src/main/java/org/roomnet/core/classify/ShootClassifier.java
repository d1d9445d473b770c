package org.roomnet.core.classify;

import ai.onnxruntime.OrtException;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.roomnet.core.imaging.DecodedPhoto;
import org.roomnet.core.imaging.PhotoDecoder;
import org.roomnet.core.imaging.PhotoLimits;
import org.roomnet.core.imaging.Preprocessor;
import org.roomnet.core.imaging.Thumbnails;
import org.roomnet.core.imaging.UnreadablePhotoException;

/**
 * Classifies many photos: decoding and pre-processing on a pool of threads overlaps with batched
 * inference on the calling thread. A bounded queue keeps at most a few batches of tensors in memory
 * (a tensor is 600 KB; decoded photos are reduced in size), so 2,000 photos fit a small heap.
 */
public final class ShootClassifier {

    /** The error of a photo the model gave NaN or infinite scores for (a broken model): it gets no label. */
    public static final String NOT_A_NUMBER = "the model gave no usable scores for this photo (NaN or infinite)";

    /** How many tensors may wait for inference, in batches. */
    private static final int QUEUED_BATCHES = 2;

    private final RoomClassifier classifier;
    private final Preprocessor preprocessor;
    private final int batchSize;
    private final int decodeThreads;
    private final int minDecodeSide;
    private final int thumbnailSide;
    private final ThumbnailListener thumbnails;

    public ShootClassifier(RoomClassifier classifier, int batchSize, int decodeThreads) {
        this(classifier, new ClassifyOptions(Math.max(1, batchSize), Math.max(1, decodeThreads), 0, null));
    }

    public ShootClassifier(RoomClassifier classifier, ClassifyOptions options) {
        this.thumbnailSide = options.thumbnailSide();
        this.thumbnails = options.thumbnails();
        this.classifier = classifier;
        ModelDescription d = classifier.description();
        this.preprocessor = new Preprocessor(d.inputSize(), d.pixelScale(), d.pixelOffset());
        this.batchSize = options.batchSize();
        this.decodeThreads = options.decodeThreads();
        // Keep twice the input size so the antialiased resize still has real pixels to average.
        this.minDecodeSide = 2 * d.inputSize();
    }

    /** The same classifier, also handing a thumbnail of at most {@code maxSide} pixels per photo to {@code listener}. */
    public ShootClassifier withThumbnails(int maxSide, ThumbnailListener listener) {
        return new ShootClassifier(classifier, new ClassifyOptions(batchSize, decodeThreads, maxSide, listener));
    }

    /** {@link ClassifyOptions#defaults()}. */
    public static ShootClassifier withDefaults(RoomClassifier classifier) {
        return new ShootClassifier(classifier, ClassifyOptions.defaults());
    }

    /** Classifies the photos; results in the order of {@code files}. Stops early when {@code cancelled} is set. */
    public List<PhotoResult> classify(List<Path> files, ClassificationListener listener, AtomicBoolean cancelled)
            throws OrtException, InterruptedException {
        BlockingQueue<Decoded> queue = new ArrayBlockingQueue<>(batchSize * QUEUED_BATCHES);
        ExecutorService pool = Executors.newFixedThreadPool(decodeThreads, r -> {
            Thread t = new Thread(r, "roomnet-decode");
            t.setDaemon(true);
            return t;
        });
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        for (int i = 0; i < decodeThreads; i++) {
            pool.execute(() -> decodeLoop(files, next, queue, cancelled, stop));
        }
        PhotoResult[] results = new PhotoResult[files.size()];
        int done = 0;
        try {
            List<Decoded> batch = new ArrayList<>(batchSize);
            while (done < files.size() && !cancelled.get()) {
                Decoded first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, batchSize - batch.size());
                List<Decoded> tensors = new ArrayList<>(batch.size());
                for (Decoded d : batch) {
                    if (d.error != null) {
                        results[d.index] = PhotoResult.failed(files.get(d.index), d.error);
                        listener.onResult(results[d.index], ++done, files.size());
                    } else {
                        tensors.add(d);
                    }
                }
                if (!tensors.isEmpty()) {
                    List<Prediction> predictions = classifier.classify(
                            tensors.stream().map(d -> d.tensor).toList());
                    for (int k = 0; k < tensors.size(); k++) {
                        int index = tensors.get(k).index;
                        String damage = tensors.get(k).damage;
                        Prediction p = predictions.get(k);
                        results[index] = !p.isFinite()
                                ? PhotoResult.failed(files.get(index), NOT_A_NUMBER)
                                : (damage == null
                                                ? PhotoResult.classified(files.get(index), p)
                                                : PhotoResult.damaged(files.get(index), p, damage))
                                        .withWarning(tensors.get(k).warning);
                        listener.onResult(results[index], ++done, files.size());
                    }
                }
                batch.clear();
            }
        } finally {
            stop.set(true);
            pool.shutdownNow();
            pool.awaitTermination(30, TimeUnit.SECONDS);
        }
        List<PhotoResult> ordered = new ArrayList<>(done);
        for (PhotoResult r : results) {
            if (r != null) {
                ordered.add(r);
            }
        }
        return ordered;
    }

    private void decodeLoop(
            List<Path> files,
            AtomicInteger next,
            BlockingQueue<Decoded> queue,
            AtomicBoolean cancelled,
            AtomicBoolean stop) {
        try {
            int i;
            while (!cancelled.get() && !stop.get() && (i = next.getAndIncrement()) < files.size()) {
                queue.put(decodeOne(i, files.get(i)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Decoded decodeOne(int index, Path file) {
        try {
            DecodedPhoto decoded = PhotoDecoder.decodeChecked(file, minDecodeSide);
            BufferedImage upright = decoded.image();
            if (thumbnails != null) {
                thumbnails.onThumbnail(file, Thumbnails.fit(upright, thumbnailSide));
            }
            return new Decoded(index, preprocessor.toTensor(upright), null, decoded.damage(), decoded.warning());
        } catch (UnreadablePhotoException e) {
            return new Decoded(index, null, e.getMessage(), null, null);
        } catch (OutOfMemoryError e) {
            return new Decoded(index, null, PhotoLimits.NOT_ENOUGH_MEMORY, null, null);
        } catch (RuntimeException e) {
            return new Decoded(index, null, "cannot decode: " + e, null, null);
        }
    }

    private record Decoded(int index, float[] tensor, String error, String damage, String warning) {}
}
