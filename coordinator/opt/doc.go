// Package opt is the optimizer: rules over logical plans
// (coordinator/logical). Each rule is a function from plan to plan that
// reports whether it fired, written over logical.TransformUp /
// TransformDown and the shared conjunct helpers; rules never depend on
// their order of application for correctness. Optimize runs the rule list
// to a fixed point and can report which rules fired, in which order.
//
// Decorrelation (DecorrelateApply) and constant folding (FoldConstants)
// are rules like the others; distribution is not the optimizer's business
// (coordinator/physical).
package opt
