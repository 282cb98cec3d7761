package org.rollcall.face.embed;

import java.util.List;
import java.util.function.Function;

/** Maps work items on the engine's worker threads, results in item order. */
public interface Parallel {

    <T, R> List<R> map(List<T> items, Function<T, R> work);
}
