package nndl.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import nndl.internal.Gemm;
import org.junit.jupiter.api.Test;

import java.util.List;

class StepProductsTest {

    @Test
    void seedSizesHaveTheStepsFiveProductsAndFlops() {
        StepProducts step = StepProducts.seedSizes(1);
        assertEquals(List.of("xw1t", "hw2t", "dw2", "dh", "dw1"), step.products().stream().map(StepProducts.Product::id).toList());
        assertEquals(List.of("200×3072 · 3072×50", "200×50 · 50×10", "10×200 · 200×50", "200×10 · 10×50", "50×200 · 200×3072"),
                step.products().stream().map(StepProducts.Product::shapes).toList());
        // 2 · (2 · 200·3072·50 + 3 · 200·50·10)
        assertEquals(123_480_000.0, step.flopsPerStep());
    }

    @Test
    void aStepRunsOnABackend() {
        StepProducts small = new StepProducts(4, 6, 3, 2, 7);
        small.runStep(Gemm.ejml());
        assertEquals("StepProducts[N=4, D=6, H=3, C=2, 5 products, 0.0 MFLOP/step]", small.toString());
    }
}
