import { copyBuild } from './server';

/** Fails the run up front when there is no build, and gives every server the same private copy of it. */
export default function setup() {
	return copyBuild();
}
