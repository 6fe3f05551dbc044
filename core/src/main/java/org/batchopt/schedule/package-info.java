/** Learning-rate schedules, one record per kind with its formula, made by {@link org.batchopt.schedule.Schedules}. */
package org.batchopt.schedule;
