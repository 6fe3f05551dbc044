/*
 * bo_init: the rule's initial state of every active member, for both strategies (layout in fused.cl), and its
 * constraint state: multipliers 0, penalties rho (constraints.cl). Twin: Rules64.init and Lagrangian64.load via
 * Tile64.load.
 */
__kernel void bo_init(__global real* ST, __global const int* ACTIVE, const int nactive, const long nm,
                      __global const real* UNI, __global const real* PM, __global real* CON)
{
    const int gid = (int)get_global_id(0);
    if (gid >= nactive) {
        return;
    }
    const long m = ACTIVE[gid];
    real hp[BO_NP_ALLOC];
    BO_LOAD_PARAMS(hp, UNI, PM, nm, m);
    real s[RULE_NS_ALLOC];
    real ms[RULE_NMS_ALLOC];
    for (int i = 0; i < DIM; i++) {
        rule_init(s, ms, hp);
        for (int j = 0; j < RULE_NS; j++) {
            ST[(long)(j * DIM + i) * nm + m] = s[j];
        }
    }
    for (int k = 0; k < RULE_NMS; k++) {
        ST[(long)(RULE_NS * DIM + k) * nm + m] = ms[k];
    }
#if BO_NCON > 0
    for (int k = 0; k < BO_CON_REALS; k++) {
        CON[(long)k * nm + m] = R(0);
    }
    for (int j = 0; j < BO_NCON; j++) {
        CON[(long)(BO_CON_RHO + j) * nm + m] = hp[HP_rho];
        CON[(long)(BO_CON_VPREV + j) * nm + m] = REAL_MAX;
    }
#endif
}
