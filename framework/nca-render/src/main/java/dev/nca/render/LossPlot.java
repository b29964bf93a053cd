package dev.nca.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A line chart of loss against epoch, drawn with Java2D (antialiased, white background).
 *
 * <p>The y axis is logarithmic when {@link YScale#AUTO} finds every plotted value positive and the
 * largest at least 100 times the smallest (more than two decades), otherwise linear. Optional
 * horizontal reference lines (e.g. the loss of the do-nothing rule) are drawn dashed.
 *
 * <p>Degenerate input, decided so that a plot can always be written during training:
 * <ul>
 *   <li>NaN or infinite points (and, on a log axis, points &lt;= 0) are skipped; the line breaks
 *   there and the legend says how many points were omitted;</li>
 *   <li>a point with no finite neighbour (e.g. a one-point series) is drawn as a dot;</li>
 *   <li>with no finite point at all, the axes are drawn with the message "no finite data".</li>
 * </ul>
 * Programming errors throw {@link IllegalArgumentException}: x and y of different lengths, a
 * non-finite reference line, a size outside 200x150 .. 8000x8000.
 */
public final class LossPlot {

    /** The y-axis scale. */
    public enum YScale { AUTO, LINEAR, LOG }

    private static final Color[] PALETTE = {
        new Color(0x2A6FDB), new Color(0xE8710A), new Color(0x2E9E44),
        new Color(0xC8323C), new Color(0x7B4FBF), new Color(0x8C5A3C),
    };
    private static final Color REFERENCE = new Color(0x555555);
    private static final Color GRID = new Color(0xE4E4E4);
    private static final Color AXIS = new Color(0x303030);

    private record Series(String name, double[] x, double[] y) { }

    private record Reference(String name, double value) { }

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final int width;
    private final int height;
    private final YScale yScale;
    private final List<Series> series;
    private final List<Reference> references;

    private LossPlot(Builder b) {
        this.title = b.title;
        this.xLabel = b.xLabel;
        this.yLabel = b.yLabel;
        this.width = b.width;
        this.height = b.height;
        this.yScale = b.yScale;
        this.series = List.copyOf(b.series);
        this.references = List.copyOf(b.references);
    }

    /** Defaults: 640x400, x label "epoch", y label "loss", automatic y scale. */
    public static Builder builder() {
        return new Builder();
    }

    /** Whether the y axis of this chart is logarithmic (after {@link YScale#AUTO} is resolved). */
    public boolean logarithmicY() {
        AxisScale ys = yAxis();
        return ys != null && ys.isLog();
    }

    /** Draws the chart: an RGB image of the configured size. */
    public BufferedImage render() {
        AxisScale ys = yAxis();
        boolean log = ys != null && ys.isLog();
        AxisScale xs = xAxis(log);
        if (ys == null) {
            ys = AxisScale.linear(0, 1, false);
        }
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            TextPainter text = new TextPainter(Math.max(10, Math.min(16, height / 30f)));
            PlotFrame frame = PlotFrame.layout(g, text, width, height, xs, ys, !title.isEmpty(), !yLabel.isEmpty());
            frame.drawGridAndAxes(g, text, xs, ys, AXIS, GRID);
            frame.drawLabels(g, text, title, xLabel, yLabel, AXIS);
            boolean any = false;
            List<LegendEntry> legend = new ArrayList<>();
            g.clip(frame.area());
            for (int i = 0; i < series.size(); i++) {
                Series s = series.get(i);
                Color c = PALETTE[i % PALETTE.length];
                int omitted = drawSeries(g, frame, xs, ys, s, c);
                any |= omitted < s.y().length;
                String note = omitted == 0 ? "" : " (" + omitted + " non-finite omitted)";
                legend.add(new LegendEntry(s.name() + note, c, false));
            }
            for (Reference r : references) {
                if (!log || r.value() > 0) {
                    double y = frame.py(ys.fraction(r.value()));
                    g.setColor(REFERENCE);
                    g.setStroke(new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                            new float[] {7f, 5f}, 0f));
                    g.draw(new Line2D.Double(frame.left(), y, frame.right(), y));
                }
                legend.add(new LegendEntry(r.name(), REFERENCE, true));
            }
            g.setClip(null);
            if (!any) {
                text.drawCentred(g, "no finite data", (int) ((frame.left() + frame.right()) / 2),
                        (int) ((frame.top() + frame.bottom()) / 2), AXIS);
            }
            frame.drawLegend(g, text, legend.stream().filter(e -> !e.label().isBlank()).toList());
        } finally {
            g.dispose();
        }
        return img;
    }

    /** One line in the legend. */
    record LegendEntry(String label, Color color, boolean dashed) { }

    /** Returns the number of points skipped. */
    private static int drawSeries(Graphics2D g, PlotFrame f, AxisScale xs, AxisScale ys, Series s, Color c) {
        int n = s.y().length;
        boolean[] ok = new boolean[n];
        int omitted = 0;
        for (int i = 0; i < n; i++) {
            ok[i] = Double.isFinite(s.x()[i]) && Double.isFinite(s.y()[i]) && (!ys.isLog() || s.y()[i] > 0);
            omitted += ok[i] ? 0 : 1;
        }
        Path2D.Double path = new Path2D.Double();
        g.setColor(c);
        for (int i = 0; i < n; i++) {
            if (!ok[i]) {
                continue;
            }
            double px = f.px(xs.fraction(s.x()[i]));
            double py = f.py(ys.fraction(s.y()[i]));
            boolean joinsPrev = i > 0 && ok[i - 1];
            boolean joinsNext = i + 1 < n && ok[i + 1];
            if (joinsPrev) {
                path.lineTo(px, py);
            } else {
                path.moveTo(px, py);
            }
            if (!joinsPrev && !joinsNext) {
                g.fill(new Ellipse2D.Double(px - 3, py - 3, 6, 6));
            }
        }
        g.setStroke(new BasicStroke(1.8f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(path);
        return omitted;
    }

    /** The y axis, or null when there is no finite value to plot. */
    private AxisScale yAxis() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double loPositive = Double.POSITIVE_INFINITY;
        for (Series s : series) {
            for (int i = 0; i < s.y().length; i++) {
                double v = s.y()[i];
                if (Double.isFinite(v) && Double.isFinite(s.x()[i])) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                    loPositive = v > 0 ? Math.min(loPositive, v) : loPositive;
                }
            }
        }
        for (Reference r : references) {
            lo = Math.min(lo, r.value());
            hi = Math.max(hi, r.value());
            loPositive = r.value() > 0 ? Math.min(loPositive, r.value()) : loPositive;
        }
        if (hi < lo) {
            return null;
        }
        boolean log = switch (yScale) {
            case LOG -> hi > 0;
            case LINEAR -> false;
            case AUTO -> lo > 0 && hi / lo > 100;
        };
        return log ? AxisScale.log(loPositive, hi) : AxisScale.linear(lo, hi, false);
    }

    private AxisScale xAxis(boolean logY) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        boolean integral = true;
        for (Series s : series) {
            for (int i = 0; i < s.x().length; i++) {
                double x = s.x()[i];
                double y = s.y()[i];
                if (Double.isFinite(x) && Double.isFinite(y) && (!logY || y > 0)) {
                    lo = Math.min(lo, x);
                    hi = Math.max(hi, x);
                    integral &= x == Math.rint(x);
                }
            }
        }
        return hi < lo ? AxisScale.linear(0, 1, true) : AxisScale.linear(lo, hi, integral);
    }

    /** Configures a {@link LossPlot}. */
    public static final class Builder {
        private String title = "";
        private String xLabel = "epoch";
        private String yLabel = "loss";
        private int width = 640;
        private int height = 400;
        private YScale yScale = YScale.AUTO;
        private final List<Series> series = new ArrayList<>();
        private final List<Reference> references = new ArrayList<>();

        private Builder() {
        }

        public Builder title(String title) {
            this.title = Objects.requireNonNull(title, "title");
            return this;
        }

        public Builder xLabel(String label) {
            this.xLabel = Objects.requireNonNull(label, "label");
            return this;
        }

        public Builder yLabel(String label) {
            this.yLabel = Objects.requireNonNull(label, "label");
            return this;
        }

        /** Image size in pixels, 200..8000 by 150..8000. */
        public Builder size(int width, int height) {
            if (width < 200 || width > 8000 || height < 150 || height > 8000) {
                throw new IllegalArgumentException("plot size must be 200..8000 x 150..8000 pixels, got "
                        + width + "x" + height);
            }
            this.width = width;
            this.height = height;
            return this;
        }

        public Builder yScale(YScale scale) {
            this.yScale = Objects.requireNonNull(scale, "scale");
            return this;
        }

        /** A series with x = 0, 1, 2, ... (the index). The array is copied. */
        public Builder series(String name, double[] y) {
            double[] x = new double[y.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = i;
            }
            return series(name, x, y);
        }

        /** A series with explicit x values (e.g. epoch numbers). The arrays are copied. */
        public Builder series(String name, double[] x, double[] y) {
            Objects.requireNonNull(name, "name");
            if (x.length != y.length) {
                throw new IllegalArgumentException("series '" + name + "' has " + x.length + " x values but "
                        + y.length + " y values");
            }
            series.add(new Series(name, x.clone(), y.clone()));
            return this;
        }

        /** A dashed horizontal reference line, e.g. the do-nothing baseline; {@code value} finite. */
        public Builder horizontalLine(String name, double value) {
            Objects.requireNonNull(name, "name");
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("reference line '" + name + "' needs a finite value, got "
                        + value);
            }
            references.add(new Reference(name, value));
            return this;
        }

        public LossPlot build() {
            return new LossPlot(this);
        }
    }
}
