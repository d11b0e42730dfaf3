using Stayline.Cli;

return await StaylineCli.RunAsync(args);
