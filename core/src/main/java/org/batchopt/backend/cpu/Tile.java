package org.batchopt.backend.cpu;

import org.batchopt.backend.MemberBlock;
import org.batchopt.backend.MemberResults;
import org.batchopt.backend.RunContext;

/** A tile of lanes of either precision: {@link Tile64} or the generated {@code Tile32}. */
public interface Tile {
    void load(MemberBlock block, int j0, int count);

    void run(MemberResults out, RunContext context);
}
