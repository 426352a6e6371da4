/**
 * The scheduled sweeps as one catalogue: {@link com.keyhold.sweep.Sweeps} runs one by name on an
 * operator's request, and {@link com.keyhold.sweep.SweepRun} is what any sweep reports (how much it
 * changed, in how many batches, and how long the longest batch held its transaction open).
 */
package com.keyhold.sweep;
