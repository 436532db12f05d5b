//! Maximum bipartite matching (Kuhn's augmenting paths), gold vertices in priority order.
//!
//! Gold events are offered in order (required ones first); each augmenting path keeps
//! every gold vertex already matched matched, so the number of required gold events
//! matched is maximal before any optional one is considered.

/// `edges[g]` lists the predictions gold `g` may pair with. Returns, per gold vertex, the
/// prediction it is paired with.
pub fn max_matching(edges: &[Vec<usize>], n_pred: usize, order: &[usize]) -> Vec<Option<usize>> {
    let mut pred_of: Vec<Option<usize>> = vec![None; n_pred];
    for &g in order {
        let mut seen = vec![false; n_pred];
        augment(g, edges, &mut pred_of, &mut seen);
    }
    let mut gold = vec![None; edges.len()];
    for (p, g) in pred_of.iter().enumerate() {
        if let Some(g) = g {
            gold[*g] = Some(p);
        }
    }
    gold
}

fn augment(g: usize, edges: &[Vec<usize>], pred_of: &mut [Option<usize>], seen: &mut [bool]) -> bool {
    for &p in &edges[g] {
        if seen[p] {
            continue;
        }
        seen[p] = true;
        if pred_of[p].is_none_or(|other| augment(other, edges, pred_of, seen)) {
            pred_of[p] = Some(g);
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn greedy_would_fail() {
        // gold 0 can take p0 or p1, gold 1 only p0: greedy gives 1, maximum is 2
        let edges = vec![vec![0, 1], vec![0]];
        let m = max_matching(&edges, 2, &[0, 1]);
        assert_eq!(m, vec![Some(1), Some(0)]);
    }

    #[test]
    fn required_first() {
        // required gold 0 and optional gold 1 both want p0: the required one gets it
        let edges = vec![vec![0], vec![0]];
        let m = max_matching(&edges, 1, &[0, 1]);
        assert_eq!(m, vec![Some(0), None]);
    }
}
