package org.roomnet.core.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roomnet.core.classify.ModelDescription;
import org.roomnet.core.classify.Prediction;
import org.roomnet.core.classify.ProviderPreference;
import org.roomnet.core.classify.RoomClassifier;
import org.roomnet.testing.ReferencePictures;
import org.roomnet.testing.ReferenceScores;
import org.roomnet.testing.TestPhotos;

/**
 * The model's input does not depend on which decoder read the photo: the JPEG reference pictures, decoded by
 * libjpeg-turbo and by ImageIO, give the scores Python computed (PIL decoding) within 1e-3; so do their grey
 * copies and their copies tagged Adobe RGB and Display P3 (issue 17), which go through
 * {@link PhotoDecoder} (grey JPEGs are ImageIO's alone). The profile-converted ones within 5e-3: Java's LittleCMS
 * and PIL's (other versions, other sRGB profiles) differ by 1-2 levels on ~1.5 % of the values.
 */
class DecoderParityTest {

    @TempDir
    Path dir;

    @Test
    void jpegReferencesGiveThePythonScoresOnBothPaths() throws Exception {
        Map<String, float[]> reference = ReferenceScores.read(".jpg");
        ReferencePictures.writeAll(dir);
        assertEquals(24, reference.size());
        assertTrue(FastJpegDecoder.available(), JpegNatives.problem());
        try (RoomClassifier classifier = RoomClassifier.open(TestPhotos.model(), ProviderPreference.CPU)) {
            ModelDescription d = classifier.description();
            Preprocessor preprocessor = new Preprocessor(d.inputSize(), d.pixelScale(), d.pixelOffset());
            int minSide = 2 * d.inputSize();
            double worst = 0;
            for (var entry : reference.entrySet()) {
                Path file = dir.resolve(entry.getKey());
                boolean grey = entry.getKey().endsWith("_grey.jpg");
                BufferedImage fast =
                        grey ? PhotoDecoder.decode(file, minSide) : PhotoDecoder.decodeStored(file, minSide);
                assertEquals(!grey, FastJpegDecoder.decode(file, minSide).isPresent(), entry.getKey());
                BufferedImage imageIo = PhotoDecoder.decodeWithImageIo(file, minSide);
                for (BufferedImage decoded : List.of(fast, imageIo)) {
                    String what = entry.getKey() + (decoded == imageIo ? " (ImageIO)" : " (PhotoDecoder)");
                    Prediction p = classifier
                            .classify(List.of(preprocessor.toTensor(decoded)))
                            .get(0);
                    float[] expected = entry.getValue();
                    assertEquals(d.classNames().get(ReferenceScores.argmax(expected)), p.label(), what);
                    double tolerance = entry.getKey().endsWith("_adobe.jpg")
                                    || entry.getKey().endsWith("_p3.jpg")
                            ? 5e-3
                            : 1e-3;
                    for (int c = 0; c < expected.length; c++) {
                        worst = Math.max(
                                worst, Math.abs(expected[c] - p.scores().get(c)));
                        assertEquals(expected[c], p.scores().get(c), tolerance, what + " class " + c);
                    }
                }
            }
            System.out.println("largest score difference to Python: " + worst);
        }
    }

    /**
     * PNGs, read by ImageIO: numbers tagged Adobe RGB and Display P3 in an iCCP chunk (Java's PNG reader ignores
     * it, {@link PngColourProfile} reads it) within 5e-3 of Python's scores, as the JPEGs; 16-bit grey, its high
     * byte on both sides (PIL alone would clip it to white), within 1e-3.
     */
    @Test
    void taggedAndSixteenBitGreyPngsGiveThePythonScores() throws Exception {
        Map<String, float[]> reference = ReferenceScores.read(".png");
        reference.keySet().removeIf(name -> !name.matches(".*_(adobe|p3|grey16)\\.png"));
        assertEquals(18, reference.size());
        ReferencePictures.writeAll(dir);
        try (RoomClassifier classifier = RoomClassifier.open(TestPhotos.model(), ProviderPreference.CPU)) {
            ModelDescription d = classifier.description();
            Preprocessor preprocessor = new Preprocessor(d.inputSize(), d.pixelScale(), d.pixelOffset());
            double worst = 0;
            for (var entry : reference.entrySet()) {
                DecodedPhoto decoded = PhotoDecoder.decodeChecked(dir.resolve(entry.getKey()), 2 * d.inputSize());
                assertEquals(null, decoded.warning(), entry.getKey());
                Prediction p = classifier
                        .classify(List.of(preprocessor.toTensor(decoded.image())))
                        .get(0);
                float[] expected = entry.getValue();
                assertEquals(d.classNames().get(ReferenceScores.argmax(expected)), p.label(), entry.getKey());
                double tolerance = entry.getKey().endsWith("_grey16.png") ? 1e-3 : 5e-3;
                for (int c = 0; c < expected.length; c++) {
                    worst = Math.max(worst, Math.abs(expected[c] - p.scores().get(c)));
                    assertEquals(expected[c], p.scores().get(c), tolerance, entry.getKey() + " class " + c);
                }
            }
            System.out.println("PNG: largest score difference to Python: " + worst);
        }
    }
}
