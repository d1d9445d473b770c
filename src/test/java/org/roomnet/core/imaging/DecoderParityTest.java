package org.roomnet.core.imaging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roomnet.core.classify.ModelDescription;
import org.roomnet.core.classify.Prediction;
import org.roomnet.core.classify.ProviderPreference;
import org.roomnet.core.classify.RoomClassifier;
import org.roomnet.testing.ReferencePictures;
import org.roomnet.testing.ReferenceScores;
import org.roomnet.testing.TestPhotos;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The model's input does not depend on which decoder read the photo: the JPEG reference pictures, decoded by
 * libjpeg-turbo and by ImageIO, give the scores Python computed (PIL decoding) within 1e-3.
 */
class DecoderParityTest {

    @TempDir
    Path dir;

    @Test
    void jpegReferencesGiveThePythonScoresOnBothPaths() throws Exception {
        Map<String, float[]> reference = ReferenceScores.read(".jpg");
        ReferencePictures.writeAll(dir);
        assertEquals(6, reference.size());
        assertTrue(FastJpegDecoder.available(), JpegNatives.problem());
        try (RoomClassifier classifier = RoomClassifier.open(TestPhotos.model(), ProviderPreference.CPU)) {
            ModelDescription d = classifier.description();
            Preprocessor preprocessor = new Preprocessor(d.inputSize(), d.pixelScale(), d.pixelOffset());
            int minSide = 2 * d.inputSize();
            for (var entry : reference.entrySet()) {
                Path file = dir.resolve(entry.getKey());
                BufferedImage fast = FastJpegDecoder.decode(file, minSide).orElseThrow();
                BufferedImage imageIo = PhotoDecoder.decodeWithImageIo(file, minSide);
                for (BufferedImage decoded : List.of(fast, imageIo)) {
                    String what = entry.getKey() + (decoded == fast ? " (libjpeg-turbo)" : " (ImageIO)");
                    Prediction p = classifier.classify(List.of(preprocessor.toTensor(decoded))).get(0);
                    float[] expected = entry.getValue();
                    assertEquals(d.classNames().get(ReferenceScores.argmax(expected)), p.label(), what);
                    for (int c = 0; c < expected.length; c++) {
                        assertEquals(expected[c], p.scores().get(c), 1e-3, what + " class " + c);
                    }
                }
            }
        }
    }
}
