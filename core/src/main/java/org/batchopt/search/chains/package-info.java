/**
 * Internal: the host side of the search strategies, the chains' state between descents and the counter-based random
 * streams they draw from.
 */
package org.batchopt.search.chains;
