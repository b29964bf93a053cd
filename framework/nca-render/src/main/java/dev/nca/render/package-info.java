/**
 * Pictures of lattice states and training runs, made with the JDK alone (Java2D and ImageIO).
 *
 * <ul>
 *   <li>{@link dev.nca.render.FrameRenderer}: one state {@code [C, S, S]} to an image (colormapped
 *   channels, RGB, RGBA over white, hidden channels as RGB triplets, nearest-neighbour upscaling);</li>
 *   <li>{@link dev.nca.render.Montage}: labelled strips and model-vs-truth grids of frames;</li>
 *   <li>{@link dev.nca.render.GifWriter}: looping animated GIFs, optionally with a step counter;</li>
 *   <li>{@link dev.nca.render.LossPlot}: loss-versus-epoch line charts;</li>
 *   <li>{@link dev.nca.render.Images}: atomic PNG writing.</li>
 * </ul>
 *
 * <p>Nothing here opens a window or needs a display: it runs with {@code java.awt.headless=true}.
 * Labels use the JDK's logical sans-serif font; where the JDK cannot draw text (no system fonts),
 * a built-in 5x7 bitmap font is used instead and the reason is logged at DEBUG. Pictures are
 * {@code TYPE_INT_RGB}; colours are sRGB without colour management.
 */
package dev.nca.render;
