package app.tandem.ml.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModelCatalogTest {

    @Test
    void catalogListsTheThreeEncodersWithTheirModelCardSettings() {
        ModelCatalog catalog = ModelCatalog.load();
        assertEquals(List.of("all-minilm-l6-v2", "bge-small-en-v1.5", "bge-small-zh-v1.5"),
                catalog.all().stream().map(ModelDescriptor::id).toList());
        ModelDescriptor minilm = catalog.find("all-minilm-l6-v2").orElseThrow();
        assertEquals(Pooling.MEAN, minilm.pooling());
        assertEquals("", minilm.queryPrefix());
        ModelDescriptor en = catalog.find("bge-small-en-v1.5").orElseThrow();
        assertEquals(Pooling.CLS, en.pooling());
        assertEquals("Represent this sentence for searching relevant passages: ", en.queryPrefix());
        ModelDescriptor zh = catalog.find("bge-small-zh-v1.5").orElseThrow();
        assertEquals("为这个句子生成表示以用于检索相关文章：", zh.queryPrefix());
        assertEquals(512, zh.dimensions());
        assertEquals(List.of("zh"), zh.languages());
    }

    @Test
    void checksumMismatchIsAClearError() {
        ModelDescriptor real = ModelCatalog.load().find("bge-small-zh-v1.5").orElseThrow();
        ModelDescriptor tampered = real.withOnnxFile(real.onnxResource(), "00".repeat(32));
        ModelUnavailableException e = assertThrows(ModelUnavailableException.class, () -> ModelFiles.onnx(tampered));
        assertTrue(e.getMessage().contains("corrupt") && e.getMessage().contains("sha256"), e.getMessage());
    }

    @Test
    void missingFileNamesTheArtifactItComesFrom() {
        ModelDescriptor real = ModelCatalog.load().find("bge-small-zh-v1.5").orElseThrow();
        ModelDescriptor missing = real.withOnnxFile("no-such-model.onnx", real.onnxSha256());
        ModelUnavailableException e = assertThrows(ModelUnavailableException.class, () -> ModelFiles.onnx(missing));
        assertTrue(e.getMessage().contains("not on the classpath") && e.getMessage().contains(real.artifact()),
                e.getMessage());
    }
}
