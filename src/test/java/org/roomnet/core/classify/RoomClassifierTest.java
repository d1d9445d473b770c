package org.roomnet.core.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roomnet.core.imaging.PhotoDecoder;
import org.roomnet.core.imaging.Preprocessor;
import org.roomnet.testing.ReferencePictures;
import org.roomnet.testing.ReferenceScores;
import org.roomnet.testing.TestPhotos;

/**
 * The Java path (decode, crop, resize, normalise, ONNX Runtime) must give the scores that
 * training/roomnet_training computed for the same generated pictures and the same shipped model.
 */
class RoomClassifierTest {

    @Test
    void javaPreprocessingAndInferenceReproducePythonReferenceScores(@TempDir Path dir) throws Exception {
        Map<String, float[]> reference = ReferenceScores.read(".png");
        reference
                .keySet()
                .removeIf(name -> !name.matches("reference_\\d+_\\d+x\\d+\\.png")); // DecoderParityTest: the rest
        ReferencePictures.writeAll(dir);
        try (RoomClassifier classifier = RoomClassifier.open(TestPhotos.model(), ProviderPreference.CPU)) {
            ModelDescription d = classifier.description();
            Preprocessor preprocessor = new Preprocessor(d.inputSize(), d.pixelScale(), d.pixelOffset());
            for (var entry : reference.entrySet()) {
                float[] expected = entry.getValue();
                float[] tensor = preprocessor.toTensor(PhotoDecoder.decodeFull(dir.resolve(entry.getKey())));
                Prediction p = classifier.classify(List.of(tensor)).get(0);
                assertEquals(d.classNames().get(ReferenceScores.argmax(expected)), p.label(), entry.getKey());
                for (int c = 0; c < expected.length; c++) {
                    assertEquals(expected[c], p.scores().get(c), 1e-3, entry.getKey() + " class " + c);
                }
            }
            assertEquals(6, reference.size());
        }
    }

    @Test
    void batchGivesTheSameScoresAsOneByOne() throws Exception {
        try (RoomClassifier classifier = RoomClassifier.open(TestPhotos.model(), ProviderPreference.CPU)) {
            ModelDescription d = classifier.description();
            Preprocessor preprocessor = new Preprocessor(d.inputSize(), d.pixelScale(), d.pixelOffset());
            List<float[]> tensors = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                tensors.add(preprocessor.toTensor(TestPhotos.pattern(300 + 40 * i, 200, i)));
            }
            List<Prediction> batch = classifier.classify(tensors);
            for (int i = 0; i < 3; i++) {
                Prediction single = classifier.classify(List.of(tensors.get(i))).get(0);
                for (int c = 0; c < d.classCount(); c++) {
                    assertEquals(single.scores().get(c), batch.get(i).scores().get(c), 1e-5);
                }
            }
        }
    }

    @Test
    void usesTheCpuAndSaysWhyWhenNoNvidiaDriverIsPresent() throws Exception {
        try (RoomClassifier classifier = RoomClassifier.open(TestPhotos.model(), ProviderPreference.AUTO)) {
            if (!NvidiaDriverProbe.driverPresent()) {
                assertEquals(ExecutionProvider.CPU, classifier.provider());
                assertEquals("no NVIDIA driver found", classifier.providerNote());
            }
        }
    }

    @Test
    void askingForCudaWithoutADriverFailsFastWithAClearMessage() {
        if (NvidiaDriverProbe.driverPresent()) {
            return; // this check is about machines without a GPU, like CI
        }
        long start = System.nanoTime();
        ModelLoadException e = assertThrows(
                ModelLoadException.class, () -> RoomClassifier.open(TestPhotos.model(), ProviderPreference.CUDA));
        assertTrue(e.getMessage().contains("no NVIDIA driver"), e.getMessage());
        assertTrue(System.nanoTime() - start < 2_000_000_000L, "must not unpack the CUDA libraries first");
    }

    @Test
    void missingModelFileIsAClearError() {
        ModelLoadException e = assertThrows(
                ModelLoadException.class,
                () -> RoomClassifier.open(Path.of("no/such/model.onnx"), ProviderPreference.CPU));
        assertTrue(e.getMessage().contains("not found"), e.getMessage());
    }

    @Test
    void aFileThatIsNotAModelIsAClearError(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path bogus = Files.writeString(dir.resolve("bogus.onnx"), "not a model");
        assertThrows(ModelLoadException.class, () -> RoomClassifier.open(bogus, ProviderPreference.CPU));
    }

    @Test
    void libcudaIsLookedForInTheGivenFolders(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        assertEquals(false, NvidiaDriverProbe.libcudaFound(List.of(dir)));
        Files.createFile(dir.resolve("libcuda.so.1"));
        assertEquals(true, NvidiaDriverProbe.libcudaFound(List.of(dir)));
    }

    /**
     * The scores come from the output the metadata names, whatever its position: model v2 also returns its
     * embedding. The 764-byte test model (GlobalAveragePool → embedding (N, 3), MatMul → Softmax →
     * probabilities (N, 6), embedding listed first, input 8 px) was written with Python's onnx.helper.
     */
    @Test
    void scoresComeFromTheNamedOutputWhenTheModelHasSeveral() throws Exception {
        Path model = Path.of("src/test/resources/org/roomnet/core/classify/two-outputs-embedding-first.onnx");
        try (RoomClassifier classifier = RoomClassifier.open(model, ProviderPreference.CPU)) {
            float[] tensor = new float[3 * 8 * 8];
            java.util.Arrays.fill(tensor, 0.5f);
            Prediction p = classifier.classify(List.of(tensor)).get(0);
            assertEquals(6, p.scores().size());
            assertEquals(0.2347235f, p.scores().get(5), 1e-5);
            assertEquals("LivingRoom", p.label());
        }
    }
}
