package dev.nca.render;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.List;

/**
 * The geometry of a chart: where the plotting area sits inside the image once room is made for
 * the title, axis labels and tick labels; and the drawing of axes, grid, labels and legend.
 */
final class PlotFrame {

    private static final int PAD = 10;
    private static final int TICK = 4;

    private final double left;
    private final double right;
    private final double top;
    private final double bottom;
    private final int height;

    private PlotFrame(double left, double right, double top, double bottom, int height) {
        this.left = left;
        this.right = right;
        this.top = top;
        this.bottom = bottom;
        this.height = height;
    }

    static PlotFrame layout(Graphics2D g, TextPainter text, int width, int height, AxisScale xs, AxisScale ys,
                            boolean hasTitle, boolean hasYLabel) {
        int lh = text.lineHeight(g);
        int yTickW = 0;
        for (double t : ys.ticks()) {
            yTickW = Math.max(yTickW, text.width(g, ys.label(t)));
        }
        int lastXTickW = 0;
        for (double t : xs.ticks()) {
            lastXTickW = text.width(g, xs.label(t));
        }
        double left = PAD + (hasYLabel ? lh + PAD / 2.0 : 0) + yTickW + TICK + 4;
        double top = PAD + (hasTitle ? lh + PAD : lh / 2.0);
        double right = width - PAD - lastXTickW / 2.0;
        double bottom = height - PAD - (lh + 4) - (lh + TICK + 2);
        return new PlotFrame(left, right, top, bottom, height);
    }

    double left() {
        return left;
    }

    double right() {
        return right;
    }

    double top() {
        return top;
    }

    double bottom() {
        return bottom;
    }

    Rectangle2D area() {
        return new Rectangle2D.Double(left, top, right - left, bottom - top);
    }

    /** Pixel x of an axis fraction. */
    double px(double fraction) {
        return left + fraction * (right - left);
    }

    /** Pixel y of an axis fraction (0 at the bottom). */
    double py(double fraction) {
        return bottom - fraction * (bottom - top);
    }

    void drawGridAndAxes(Graphics2D g, TextPainter text, AxisScale xs, AxisScale ys, Color axis, Color grid) {
        int ascent = text.ascent(g);
        g.setStroke(new BasicStroke(1f));
        for (double t : ys.minorTicks()) {
            double y = crisp(py(ys.fraction(t)));
            g.setColor(blend(grid, Color.WHITE));
            g.draw(new Line2D.Double(left, y, right, y));
        }
        for (double t : ys.ticks()) {
            double y = crisp(py(ys.fraction(t)));
            g.setColor(grid);
            g.draw(new Line2D.Double(left, y, right, y));
            g.setColor(axis);
            g.draw(new Line2D.Double(left - TICK, y, left, y));
            String label = ys.label(t);
            text.draw(g, label, (int) (left - TICK - 3 - text.width(g, label)), (int) Math.round(y + ascent / 2.0 - 1),
                    axis);
        }
        for (double t : xs.ticks()) {
            double x = crisp(px(xs.fraction(t)));
            g.setColor(grid);
            g.draw(new Line2D.Double(x, top, x, bottom));
            g.setColor(axis);
            g.draw(new Line2D.Double(x, bottom, x, bottom + TICK));
            text.drawCentred(g, xs.label(t), (int) Math.round(x), (int) (bottom + TICK + 2 + ascent), axis);
        }
        g.setColor(axis);
        g.draw(new Rectangle2D.Double(crisp(left), crisp(top), Math.round(right - left), Math.round(bottom - top)));
    }

    void drawLabels(Graphics2D g, TextPainter text, String title, String xLabel, String yLabel, Color color) {
        int lh = text.lineHeight(g);
        int ascent = text.ascent(g);
        if (!title.isEmpty()) {
            text.drawCentred(g, title, (int) ((left + right) / 2), PAD + ascent, color);
        }
        if (!xLabel.isEmpty()) {
            text.drawCentred(g, xLabel, (int) ((left + right) / 2), height - PAD - (lh - ascent), color);
        }
        if (!yLabel.isEmpty()) {
            Graphics2D r = (Graphics2D) g.create();
            try {
                r.translate(PAD + ascent, (top + bottom) / 2);
                r.rotate(-Math.PI / 2);
                text.drawCentred(r, yLabel, 0, 0, color);
            } finally {
                r.dispose();
            }
        }
    }

    void drawLegend(Graphics2D g, TextPainter text, List<LossPlot.LegendEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        int lh = text.lineHeight(g);
        int ascent = text.ascent(g);
        int sample = 26;
        int textW = 0;
        for (LossPlot.LegendEntry e : entries) {
            textW = Math.max(textW, text.width(g, e.label()));
        }
        int boxW = 8 + sample + 6 + textW + 8;
        int boxH = 6 + entries.size() * (lh + 2) + 4;
        double x0 = right - boxW - 8;
        double y0 = top + 8;
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.88f));
        g.setColor(Color.WHITE);
        g.fill(new Rectangle2D.Double(x0, y0, boxW, boxH));
        g.setComposite(AlphaComposite.SrcOver);
        g.setStroke(new BasicStroke(1f));
        g.setColor(new Color(0xBBBBBB));
        g.draw(new Rectangle2D.Double(crisp(x0), crisp(y0), boxW, boxH));
        double y = y0 + 6;
        for (LossPlot.LegendEntry e : entries) {
            double mid = y + lh / 2.0;
            g.setColor(e.color());
            g.setStroke(e.dashed()
                    ? new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {7f, 5f}, 0f)
                    : new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(new Line2D.Double(x0 + 8, mid, x0 + 8 + sample, mid));
            text.draw(g, e.label(), (int) (x0 + 8 + sample + 6), (int) Math.round(mid + ascent / 2.0 - 1),
                    new Color(0x202020));
            y += lh + 2;
        }
    }

    /** Snaps a coordinate to a pixel centre so one-pixel lines stay sharp under antialiasing. */
    private static double crisp(double v) {
        return Math.floor(v) + 0.5;
    }

    private static Color blend(Color a, Color b) {
        return new Color((a.getRed() + b.getRed()) / 2, (a.getGreen() + b.getGreen()) / 2,
                (a.getBlue() + b.getBlue()) / 2);
    }
}
