package org.roomnet.core.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roomnet.testing.TinyOnnx;

/** Issue 9, point 11: a valid ONNX model whose graph does not match its metadata is refused when opened. */
class ModelShapeTest {

    @TempDir
    Path dir;

    @Test
    void aModelWithTheShapesItsMetadataPromisesOpensAndClassifies() throws Exception {
        Path model = TinyOnnx.write(dir.resolve("tiny-224.onnx"), 3, 224);
        try (RoomClassifier classifier = RoomClassifier.open(model, ProviderPreference.CPU)) {
            Prediction p =
                    classifier.classify(List.of(new float[3 * 224 * 224])).get(0);
            assertEquals(6, p.scores().size());
            assertEquals(
                    1.0, p.scores().stream().mapToDouble(Float::doubleValue).sum(), 1e-4);
        }
    }

    @Test
    void aModelExpectingAnotherInputShapeIsRefusedWhenOpened() throws Exception {
        for (int[] channelsAndSize : new int[][] {{3, 64}, {1, 224}}) {
            Path model = TinyOnnx.write(dir.resolve("tiny.onnx"), channelsAndSize[0], channelsAndSize[1]);
            ModelLoadException e =
                    assertThrows(ModelLoadException.class, () -> RoomClassifier.open(model, ProviderPreference.CPU));
            String expected = "the model expects input 'input' as FLOAT [batch, " + channelsAndSize[0] + ", "
                    + channelsAndSize[1] + ", " + channelsAndSize[1] + "]";
            assertTrue(e.getMessage().contains(expected), e.getMessage());
        }
    }
}
