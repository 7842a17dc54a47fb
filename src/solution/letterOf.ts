/**
 * the letter a name of the solution's own is written on (δ_3's δ), to ask whether the network has it; a name of code
 * (Trask's hidden_grad, output_delta: words joined by _) is its own, whatever its first word names in the network
 */
export const letterOf = (name: string): string => (/^[A-Za-z]{3,}_[A-Za-z]{3,}/.test(name) ? name : name.split('_')[0]!);
