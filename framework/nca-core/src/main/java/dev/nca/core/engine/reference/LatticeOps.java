package dev.nca.core.engine.reference;

import dev.nca.api.Boundary;
import dev.nca.api.Kernels;
import dev.nca.core.engine.BoundaryIndex;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The lattice operations of the reference engine on states {@code [B, C, S, S]}, written with
 * ND4J operations only (views, concatenation, element-wise and reduction ops; the Java loops run
 * over kernels and the 9 stencil offsets, never over elements), so that they run on any backend.
 *
 * <p>Perception is a depthwise correlation on the boundary-padded state:
 * {@code z[b, c, k, i, j] = sum_{a,e} g_k[a][e] xp[b, c, i+a, j+e]} with {@code xp} the state
 * padded by one cell as {@link BoundaryIndex} says; its adjoint scatters the output gradient back
 * onto the padded grid and folds the halo onto the cells it was read from.
 */
final class LatticeOps {

    private final Kernels kernels;
    private final Boundary boundary;
    private final int size;

    LatticeOps(Kernels kernels, Boundary boundary, int size) {
        this.kernels = kernels;
        this.boundary = boundary;
        this.size = size;
    }

    /** {@code [B, C, S, S]} -> {@code [B, C, K, S, S]}. */
    INDArray perceive(INDArray x) {
        INDArray xp = pad(x, 0.0);
        INDArray[] perKernel = new INDArray[kernels.count()];
        for (int k = 0; k < kernels.count(); k++) {
            double[][] g = kernels.stencil(k);
            INDArray zk = Nd4j.zeros(x.dataType(), x.shape());
            for (int a = 0; a < 3; a++) {
                for (int e = 0; e < 3; e++) {
                    if (g[a][e] != 0) {
                        zk.addi(window(xp, a, e).mul(g[a][e]));
                    }
                }
            }
            perKernel[k] = zk;
        }
        return Nd4j.stack(2, perKernel);
    }

    /** Adjoint of {@link #perceive}: {@code [B, C, K, S, S]} -> {@code [B, C, S, S]}. */
    INDArray perceiveAdjoint(INDArray gz) {
        long[] shape = {gz.size(0), gz.size(1), size + 2, size + 2};
        INDArray gxp = Nd4j.zeros(gz.dataType(), shape);
        for (int k = 0; k < kernels.count(); k++) {
            double[][] g = kernels.stencil(k);
            INDArray gk = gz.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(k), NDArrayIndex.all(),
                    NDArrayIndex.all());
            for (int a = 0; a < 3; a++) {
                for (int e = 0; e < 3; e++) {
                    if (g[a][e] != 0) {
                        window(gxp, a, e).addi(gk.mul(g[a][e]));
                    }
                }
            }
        }
        return padAdjoint(gxp);
    }

    /**
     * The alive test of a growing NCA: 1 where the largest value of {@code plane} ({@code [B, 1, S, S]})
     * in a cell's 3x3 neighbourhood exceeds {@code threshold}, else 0. Non-periodic boundaries ignore
     * cells beyond the edge (padded with -infinity).
     */
    INDArray alive(INDArray plane, double threshold) {
        INDArray padded = pad(plane, boundary == Boundary.PERIODIC ? 0.0 : Double.NEGATIVE_INFINITY);
        INDArray max = window(padded, 1, 1).dup();
        for (int a = 0; a < 3; a++) {
            for (int e = 0; e < 3; e++) {
                max = Transforms.max(max, window(padded, a, e), false);
            }
        }
        return max.gt(threshold).castTo(plane.dataType());
    }

    /**
     * Pads {@code [B, C, S, S]} to {@code [B, C, S+2, S+2]} with what the boundary says lies beyond
     * the edge; for the zero boundary the halo holds {@code fill} (0 for perception, -infinity for
     * the alive test). With {@code fill != 0} the reflect boundary is treated like zero (ignored).
     */
    private INDArray pad(INDArray x, double fill) {
        Boundary rule = fill == 0.0 ? boundary : (boundary == Boundary.PERIODIC ? boundary : Boundary.ZERO);
        INDArray rows = Nd4j.concat(2, edge(x, 2, -1, rule, fill), x, edge(x, 2, size, rule, fill));
        return Nd4j.concat(3, edge(rows, 3, -1, rule, fill), rows, edge(rows, 3, size, rule, fill));
    }

    /** The halo slice beyond index {@code i} (-1 or S) along {@code dim}: a copied lattice slice or the fill. */
    private INDArray edge(INDArray x, int dim, int i, Boundary rule, double fill) {
        int source = BoundaryIndex.neighbour(rule, i, size);
        if (source < 0) {
            long[] shape = x.shape().clone();
            shape[dim] = 1;
            return Nd4j.valueArrayOf(shape, fill, x.dataType());
        }
        return x.get(slice(dim, source)).dup();
    }

    /** Adjoint of {@link #pad} with the zero fill: folds the halo's gradient onto its source cells. */
    private INDArray padAdjoint(INDArray gp) {
        INDArray rows = foldHalo(gp, 3);
        return foldHalo(rows, 2);
    }

    /** Drops the halo along {@code dim} and adds its two slices onto the lattice slices they copied. */
    private INDArray foldHalo(INDArray g, int dim) {
        INDArrayIndex[] inner = all(g.rank());
        inner[dim] = NDArrayIndex.interval(1, size + 1);
        INDArray out = g.get(inner).dup();
        for (int i : new int[] {-1, size}) {
            int source = BoundaryIndex.neighbour(boundary, i, size);
            if (source >= 0) {
                out.get(slice(dim, source)).addi(g.get(slice(dim, i + 1)));
            }
        }
        return out;
    }

    /** The S x S window of a padded array at offset (a, e): what offset (a-1, e-1) of each cell reads. */
    private INDArray window(INDArray padded, int a, int e) {
        return padded.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(a, a + size),
                NDArrayIndex.interval(e, e + size));
    }

    private static INDArrayIndex[] slice(int dim, int index) {
        INDArrayIndex[] idx = all(4);
        idx[dim] = NDArrayIndex.interval(index, index + 1);
        return idx;
    }

    private static INDArrayIndex[] all(int rank) {
        INDArrayIndex[] idx = new INDArrayIndex[rank];
        for (int d = 0; d < rank; d++) {
            idx[d] = NDArrayIndex.all();
        }
        return idx;
    }

    static DataType check(DataType dtype) {
        if (dtype != DataType.FLOAT && dtype != DataType.DOUBLE) {
            throw new IllegalArgumentException("the engine supports FLOAT and DOUBLE, not " + dtype);
        }
        return dtype;
    }
}
