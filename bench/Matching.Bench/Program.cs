using Matching.Bench;

return args.FirstOrDefault() switch
{
    "names" => NameAccuracy.Run(args.Skip(1).ToArray()),
    "explain" => NameAccuracy.Explain(args[1], args[2]),
    "people" => PeopleAccuracy.Run(args.Skip(1).ToArray()),
    "speed" => Speed.Run(args.Skip(1).ToArray()),
    "profile" => Profile.Run(args.Skip(1).ToArray()),
    "synthetic-errors" => SyntheticErrors.Run(args.Skip(1).ToArray()),
    "twolists" => TwoLists.Run(args.Skip(1).ToArray()),
    "twolists-ceiling" => TwoLists.Ceiling(args.Skip(1).ToArray()),
    "score" => NameAccuracy.ScorePair(args.Skip(1).ToArray()),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Matching.Bench names [CASES.csv] [--dump]");
    return 1;
}
