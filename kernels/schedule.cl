/*
 * Learning-rate schedules (org.batchopt.schedule): lr at update s + 1, where s counts the updates already
 * taken. BO_SCHEDULE selects the schedule among the BO_SCHEDULE_<kind> ids the program assembly defines
 * (org.batchopt.kernel.KernelSchedule), BO_WARMUP adds a linear warm-up. Twin: Schedule64.java.
 */

BO_FN real bo_schedule(int s, const real* hp)
{
    const real lr0 = hp[HP_lr];
#if BO_SCHEDULE == BO_SCHEDULE_CONSTANT
    real lr = lr0;
#elif BO_SCHEDULE == BO_SCHEDULE_INVERSE_TIME
    const real base = R(1) + hp[HP_kappa] * (real)s;
    real lr = hp[HP_power] == R(1) ? lr0 / base : lr0 / bo_pow(base, hp[HP_power]);
#elif BO_SCHEDULE == BO_SCHEDULE_STEP
    real lr = lr0 * bo_pown(hp[HP_gamma], s / (int)hp[HP_step_size]);
#elif BO_SCHEDULE == BO_SCHEDULE_MULTISTEP
    const int milestones[BO_MILESTONE_COUNT] = BO_MILESTONES;
    int passed = 0;
    for (int k = 0; k < BO_MILESTONE_COUNT; k++) {
        if (milestones[k] <= s) {
            passed = passed + 1;
        }
    }
    real lr = lr0 * bo_pown(hp[HP_gamma], passed);
#elif BO_SCHEDULE == BO_SCHEDULE_EXPONENTIAL
    real lr = lr0 * bo_pown(hp[HP_gamma], s);
#elif BO_SCHEDULE == BO_SCHEDULE_COSINE
    const real eta = hp[HP_eta_min];
    real lr = eta + (lr0 - eta) * (R(1) + bo_cos(R(3.141592653589793) * (real)s / hp[HP_t_max])) / R(2);
#else
#error "unknown BO_SCHEDULE"
#endif
#if BO_WARMUP
    if ((real)s < hp[HP_warmup]) {
        lr = lr * ((real)(s + 1) / hp[HP_warmup]);
    }
#endif
    return lr;
}
