using Vmre.Provisioning.Cli;

// vmre-provision: the technician's workstation tool (brief section 2, "Before").
return CommandTable.Run(args, Console.Out, Console.Error);
